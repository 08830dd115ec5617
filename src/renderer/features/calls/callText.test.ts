import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../shared/api/cti.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { callerLabel, durationLabel, incomingHeadline } from './callText.js';

const t = createI18n('en-US').t;
const call = (over: Partial<CallView['identification']>, from = '+12065550101'): CallView => ({
  id: 'call_1',
  callId: 'c1',
  direction: 'in',
  from,
  to: '201',
  state: 'ringing',
  users: [],
  answeredBy: null,
  startedAt: '2026-11-30T04:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  durationSeconds: null,
  identification: {
    identified: false,
    ambiguous: false,
    siteId: null,
    siteName: null,
    companyName: null,
    profileId: null,
    personName: null,
    e164: null,
    ...over,
  },
});

describe('call text', () => {
  it('names the person and site of an identified call, the site alone when no person matched', () => {
    const dana = call({
      identified: true,
      personName: 'Dana Reyes',
      siteName: 'Northwind Traders — Seattle',
      siteId: 's',
    });
    expect(incomingHeadline(t, dana)).toBe('Incoming call — Dana Reyes, Northwind Traders — Seattle');
    expect(incomingHeadline(t, call({ identified: true, siteName: 'Fabrikam', siteId: 's' }))).toBe(
      'Incoming call — Fabrikam',
    );
    expect(callerLabel(t, dana)).toBe('Dana Reyes, Northwind Traders — Seattle');
  });

  it('says when a number is unidentified or withheld', () => {
    expect(incomingHeadline(t, call({}, '+4930123456'))).toBe('Incoming call — unidentified number +4930123456');
    expect(incomingHeadline(t, call({}, 'anonymous'))).toBe('Incoming call — number withheld');
    expect(callerLabel(t, call({}))).toBe('Unidentified');
  });

  it('formats durations as m:ss', () => {
    expect(durationLabel(t, 65)).toBe('1:05');
    expect(durationLabel(t, null)).toBe('—');
  });
});
