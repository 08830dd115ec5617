import { describe, expect, it } from 'vitest';
import { ANOMALY_CODES } from '../../../shared/audit/anomalies.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { anomalySentence } from './anomalySentence.js';

const flag = (code: (typeof ANOMALY_CODES)[number], params: Record<string, string | number>) => ({
  code,
  params,
  message: `server: ${code}`,
});

describe('anomalySentence', () => {
  it('says each flag in one sentence with its params, in English and German', () => {
    const en = createI18n('en-US');
    expect(
      anomalySentence(en.t, flag('outcome_differs', { recorded: 'proceed', rules: 'approval_required' }), 'en-US'),
    ).toBe(
      'The site’s rules in force at the time said “Approval required”, but the record says “Proceed — no approval needed”.',
    );
    expect(
      anomalySentence(en.t, flag('unusual_volume', { count: 19, median: 4, factor: 3, day: '2026-03-02' }), 'en-US'),
    ).toBe('19 records on Mar 2, 2026 — more than 3 × this technician’s usual 4 a day.');
    const de = createI18n('de');
    expect(
      anomalySentence(de.t, flag('approver_not_listed', { approver: 'Bo', category: 'password_reset' }), 'de'),
    ).toMatch(/Bo.*Passwort/);
  });

  it('has a sentence for every anomaly code in every locale, without leftover placeholders', () => {
    const params = {
      recorded: 'proceed',
      rules: 'tier4',
      approver: 'Bo',
      category: 'password_reset',
      credentialId: 'c1',
      siteId: 's1',
      callerSiteId: 's2',
      count: 9,
      median: 2,
      factor: 3,
      day: '2026-03-02',
    };
    for (const locale of ['en-US', 'en-GB', 'de', 'es', 'fr', 'it']) {
      const i18n = createI18n(locale);
      for (const code of ANOMALY_CODES) {
        const text = anomalySentence(i18n.t, flag(code, params), locale);
        expect(text, `${locale} ${code}`).not.toMatch(/server:|\{\{|audit\.approvals/);
      }
    }
  });

  it('falls back to the server’s sentence for an unknown code', () => {
    const en = createI18n('en-US');
    expect(anomalySentence(en.t, { code: 'new_rule' as never, params: {}, message: 'Server says so.' }, 'en-US')).toBe(
      'Server says so.',
    );
  });
});
