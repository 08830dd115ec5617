/**
 * Mobile providers offered in the client profile form (seeds/002: "A drop-down list is available
 * when adding clients individually"), with the email-to-SMS gateway each publishes. Picking one fills
 * the phone's SMS gateway; a provider not listed can still be typed with its gateway by hand.
 * Gateways are those the carriers document; many European carriers run none (gateway absent).
 */
export interface MobileProvider {
  name: string;
  /** ISO alpha-2 country the provider serves. */
  country: string;
  smsGateway?: string;
}

export const MOBILE_PROVIDERS: readonly MobileProvider[] = [
  { name: 'AT&T', country: 'US', smsGateway: '@txt.att.com' },
  { name: 'Verizon', country: 'US', smsGateway: '@vtext.com' },
  { name: 'T-Mobile', country: 'US', smsGateway: '@tmomail.net' },
  { name: 'US Cellular', country: 'US', smsGateway: '@email.uscc.net' },
  { name: 'Cricket', country: 'US', smsGateway: '@sms.cricketwireless.net' },
  { name: 'Rogers', country: 'CA', smsGateway: '@pcs.rogers.com' },
  { name: 'Bell', country: 'CA', smsGateway: '@txt.bell.ca' },
  { name: 'Telus', country: 'CA', smsGateway: '@msg.telus.com' },
  { name: 'EE', country: 'GB' },
  { name: 'Vodafone UK', country: 'GB' },
  { name: 'O2 UK', country: 'GB' },
  { name: 'Three', country: 'GB' },
  { name: 'Telstra', country: 'AU', smsGateway: '@sms.tim.telstra.com' },
  { name: 'Optus', country: 'AU' },
  { name: 'Deutsche Telekom', country: 'DE' },
  { name: 'Vodafone DE', country: 'DE' },
  { name: 'Orange', country: 'FR' },
  { name: 'SFR', country: 'FR' },
];

/** The listed provider of that name (case-insensitive), if any. */
export function findMobileProvider(name: string | undefined): MobileProvider | undefined {
  const key = name?.trim().toLowerCase();
  return key ? MOBILE_PROVIDERS.find((p) => p.name.toLowerCase() === key) : undefined;
}
