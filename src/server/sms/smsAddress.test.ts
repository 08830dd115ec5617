import { describe, expect, it } from 'vitest';
import { firstSmsPhone, gatewayAddress, gatewayDomain, maskNumber } from './smsAddress.js';
import { smsText } from './SmsCodeService.js';

describe('SMS addressing', () => {
  it('picks the first mobile phone with a gateway and a valid number', () => {
    expect(
      firstSmsPhone(
        [
          { number: '+1 206 555 0102', type: 'office', smsGateway: '@txt.att.com' },
          { number: '555', type: 'mobile', smsGateway: '@txt.att.com' },
          { number: '(206) 555-0101', type: 'mobile' },
          { number: '(206) 555-0103', type: 'mobile', smsGateway: '@vtext.com' },
        ],
        'US',
      ),
    ).toEqual({ number: '+12065550103', gateway: 'vtext.com' });
    expect(firstSmsPhone([{ number: '07700 900123', type: 'mobile', country: 'GB' }])).toBeUndefined();
    expect(gatewayDomain('txt.att.com')).toBe('txt.att.com');
    expect(gatewayDomain('@not a domain')).toBeUndefined();
  });

  it('addresses the gateway with the national digits and masks the number', () => {
    expect(gatewayAddress({ number: '+12065550101', gateway: 'txt.att.com' })).toBe('2065550101@txt.att.com');
    expect(gatewayAddress({ number: '+447700900123', gateway: 'sms.example' })).toBe('7700900123@sms.example');
    expect(maskNumber('+12065550101')).toBe('+1 ••• ••• 0101');
    expect(maskNumber('+447700900123')).toBe('+44 ••• ••• 0123');
  });

  it('writes the SMS in the site greeting name', () => {
    expect(smsText({ companyName: 'Callsign' }, '123456', 5)).toBe(
      'Callsign help desk: your verification code is 123456. It expires in 5 minutes.',
    );
    expect(smsText({ companyName: 'Northwind Traders', callerGreeting: 'Northwind IT Help Desk' }, '000042', 5)).toBe(
      'Northwind IT Help Desk: your verification code is 000042. It expires in 5 minutes.',
    );
  });
});
