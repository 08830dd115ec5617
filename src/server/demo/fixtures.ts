/**
 * Fixed demo records that tests and end-to-end journeys rely on. Exact values — do not change
 * them without updating the tests and e2e journeys that name them.
 *  - Northwind (US): site message, RMM opt-in, Dana with a mobile + SMS gateway and a number
 *    written in national format that relies on the site's country.
 *  - Contoso London (GB): Oliver with an Ofcom drama-range mobile.
 *  - Fabrikam and Fabrikam Annex share one main number: an ambiguous lookup.
 *  - Bluebird Bakery (AU) has no client email domain; Sam uses a public mail address.
 */
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';

const site = (s: Partial<Site> & Pick<Site, 'id' | 'name' | 'companyName' | 'country'>): Site => ({
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
  ...s,
});

export const FIXTURE_SITES: Site[] = [
  site({
    id: 'site-northwind',
    name: 'Northwind Traders — Seattle',
    companyName: 'Northwind Traders',
    callerGreeting: 'Northwind IT Help Desk',
    mainPhones: ['+1 206 555 0100'],
    emailDomain: 'northwindtraders.com',
    siteMessage: 'Email is down tonight 22:00–23:00 for maintenance. Do not reset passwords for the finance team.',
    rmmAgentOptIn: true,
    country: 'US',
    timeZone: 'America/Los_Angeles',
    network: {
      domain: 'corp.northwindtraders.com',
      servers: [
        {
          name: 'NW-DC01',
          role: 'Domain controller, DNS, DHCP',
          address: '10.20.0.10',
          notes: 'Primary DC. Never restart during business hours.',
        },
        { name: 'NW-FS01', role: 'File server (S: shared, H: home drives)', address: '10.20.0.20' },
        {
          name: 'NW-RDS01',
          role: 'Terminal server for thin clients',
          address: '10.20.0.30',
          notes: 'RMM server agent installed; thin-client users sign in here.',
        },
        {
          name: 'NW-FW01',
          role: 'Firewall (FortiGate 60F)',
          address: '10.20.0.1',
          notes: 'Changes go to the NOC, never on a help desk call.',
        },
      ],
      notes:
        'Wi-Fi: SSID "Northwind-Staff" (WPA2-Enterprise, domain sign-in); "Northwind-Guest" has a daily password at reception.\nPrinters: Finance MFP on 10.20.0.50 (driver: Ricoh PCL6).',
    },
  }),
  site({
    id: 'site-contoso-london',
    name: 'Contoso Ltd — London',
    companyName: 'Contoso Ltd',
    mainPhones: ['020 7946 0958'],
    emailDomain: 'contoso-uk.com',
    rmmAgentOptIn: false,
    country: 'GB',
    timeZone: 'Europe/London',
    network: {
      domain: 'contoso.local',
      servers: [{ name: 'CON-LDN-DC1', role: 'Domain controller', address: '192.168.10.5' }],
      notes: 'Mail is Microsoft 365 since the mailbox move; the old Exchange server is switched off.',
    },
  }),
  site({
    id: 'site-fabrikam',
    name: 'Fabrikam — Chicago',
    companyName: 'Fabrikam',
    mainPhones: ['+1 312 555 0199'],
    emailDomain: 'fabrikam.com',
    country: 'US',
    timeZone: 'America/Chicago',
  }),
  site({
    id: 'site-fabrikam-annex',
    name: 'Fabrikam Annex — Chicago',
    companyName: 'Fabrikam Group',
    mainPhones: ['+1 312 555 0199'],
    emailDomain: 'annex.fabrikam-group.com',
    country: 'US',
    timeZone: 'America/Chicago',
  }),
  site({
    id: 'site-bluebird',
    name: 'Bluebird Bakery',
    companyName: 'Bluebird Bakery',
    mainPhones: ['(02) 9374 4000'],
    noClientEmailDomain: true,
    country: 'AU',
    timeZone: 'Australia/Sydney',
  }),
];

const profile = (
  p: Partial<ClientProfile> & Pick<ClientProfile, 'id' | 'siteId' | 'firstName' | 'lastName'>,
): ClientProfile => ({
  phones: [],
  thinClient: false,
  psaContact: false,
  ...p,
});

export const FIXTURE_PROFILES: ClientProfile[] = [
  profile({
    id: 'prof-dana',
    siteId: 'site-northwind',
    firstName: 'Dana',
    lastName: 'Reyes',
    email: 'dana.reyes@northwindtraders.com',
    phones: [
      { number: '+1 206 555 0101', type: 'mobile', country: 'US', provider: 'AT&T', smsGateway: '@txt.att.com' },
      { number: '(206) 555-0102', type: 'office' },
    ],
    psaContact: true,
    title: 'Finance Manager',
  }),
  profile({
    id: 'prof-oliver',
    siteId: 'site-contoso-london',
    firstName: 'Oliver',
    lastName: 'Bennett',
    email: 'oliver.bennett@contoso-uk.com',
    phones: [{ number: '07700 900123', type: 'mobile', country: 'GB' }],
  }),
  profile({
    id: 'prof-sam',
    siteId: 'site-bluebird',
    firstName: 'Sam',
    lastName: 'Okafor',
    email: 'sam.okafor@gmail.com',
    phones: [{ number: '0412 345 678', type: 'mobile', country: 'AU' }],
  }),
];

const ref = (r: Partial<Reference> & Pick<Reference, 'id' | 'subject' | 'kind' | 'body'>): Reference => ({
  tags: [],
  allSites: false,
  siteIds: [],
  ...r,
});
const body = (summary: string, steps: string[], extra: Partial<Reference['body']> = {}): Reference['body'] => ({
  summary,
  symptoms: [],
  steps,
  ...extra,
});

export const FIXTURE_REFERENCES: Reference[] = [
  ref({
    id: 'ref-security-verify-caller',
    subject: 'Verify the caller before any security-related request',
    kind: 'other',
    tags: ['Security-Related Requests'],
    allSites: true,
    body: body("Password resets, MFA resets, new accounts and permission changes need the site's approval rules.", [
      'Identify the caller by phone or email in Callsign.',
      'Open the approval checklist for the request and follow it step by step.',
      'If the caller cannot be verified, do not make the change; escalate to the partner.',
    ]),
  }),
  ref({
    id: 'ref-northwind-rmm',
    subject: 'Install the RMM agent on a Northwind laptop',
    kind: 'how_to',
    tags: ['rmm-preapproved', 'Hardware'],
    siteIds: ['site-northwind'],
    body: body(
      'Northwind has opted in to RMM agents on unmanaged machines; no separate approval is needed.',
      [
        'Confirm the machine belongs to a Northwind employee.',
        'Send the caller the agent download link from the RMM console.',
        'Check the device appears in the Northwind group within 10 minutes.',
      ],
      { durationMinutes: 15 },
    ),
  }),
  ref({
    id: 'ref-contoso-outlook-prompts',
    subject: 'Outlook keeps asking for a password after the mailbox move',
    kind: 'known_error',
    tags: ['Email'],
    siteIds: ['site-contoso-london'],
    body: body(
      'Cached credentials from the old server.',
      ['Remove Outlook entries from Credential Manager.', 'Restart Outlook and sign in.'],
      {
        symptoms: ['Password prompt every few minutes', 'Send/receive error 0x800CCC0E'],
        durationMinutes: 10,
      },
    ),
  }),
  ref({
    id: 'ref-fabrikam-shared-line',
    subject: 'Fabrikam and Fabrikam Annex share one main number',
    kind: 'other',
    tags: ['Phones'],
    siteIds: ['site-fabrikam', 'site-fabrikam-annex'],
    body: body('Calls from +1 312 555 0199 may be either site; ask which building the caller is in.', [
      "Ask for the caller's building and email address.",
      'Pick the site that matches.',
    ]),
  }),
  ref({
    id: 'ref-bluebird-pos',
    subject: 'Point-of-sale terminal shows "offline" in the morning',
    kind: 'known_error',
    tags: ['Network', 'Hardware'],
    siteIds: ['site-bluebird'],
    body: body(
      'The router reboots overnight and the terminal does not reconnect.',
      ['Ask the caller to restart the terminal.', 'If still offline, power-cycle the router.'],
      {
        symptoms: ['Card payments declined', 'Terminal shows a red cloud icon'],
        durationMinutes: 5,
        escalation: { to: 'third_party', contact: 'POS vendor support', note: 'Only if a restart does not help.' },
      },
    ),
  }),
];
