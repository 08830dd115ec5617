import { describe, expect, it } from 'vitest';
import { contactNumbers, describeNumber } from './contactNumbers.js';

describe('contactNumbers', () => {
  it('normalises with the phone country, else the site country, dropping repeats', () => {
    const r = contactNumbers(
      'Lee',
      [
        { number: '(206) 555-0121', type: 'office' },
        { number: '+1 206 555 0121', type: 'home' },
        { number: '020 7946 0958', type: 'office', country: 'GB' },
      ],
      'US',
    );
    expect(r.dialable.map((n) => n.e164)).toEqual(['+12065550121', '+442079460958']);
    expect(r.skipped).toEqual([]);
  });
  it('finds the first valid mobile with an SMS gateway and reports unusable numbers', () => {
    const r = contactNumbers(
      'Lee',
      [
        { number: '+12065550101', type: 'mobile' },
        { number: 'nope', type: 'mobile', smsGateway: '@txt.att.com' },
        { number: '206 555 0102', type: 'mobile', smsGateway: '@txt.att.com' },
      ],
      'US',
    );
    expect(r.sms).toBe('+12065550102');
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ code: 'number_skipped', params: { number: 'nope' } });
  });
  it('keeps the extension for the reasons but never in the E.164 number', () => {
    const [n] = contactNumbers('Lee', [{ number: '206-555-0100 x12', type: 'office' }], 'US').dialable;
    expect(n).toEqual({ e164: '+12065550100', extension: '12' });
    expect(describeNumber(n!)).toBe('+12065550100 (ext. 12)');
  });
});
