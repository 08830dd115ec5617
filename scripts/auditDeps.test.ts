import { describe, expect, it } from 'vitest';
import { AuditExceptions, evaluateAudit } from './auditDeps.js';

const report = (vulnerabilities: Record<string, unknown>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities });
const high = {
  'bad-pkg': {
    name: 'bad-pkg',
    severity: 'high',
    via: [{ source: 1100, url: 'https://github.com/advisories/GHSA-xxxx', title: 'RCE', severity: 'high' }],
  },
};
const none = { exceptions: [] };

describe('dependency audit', () => {
  it('fails on a high advisory without an exception, passes on moderate ones', () => {
    const out = evaluateAudit(report(high), none, '2026-11-30');
    expect(out.kind).toBe('fail');
    expect(out.message).toContain('bad-pkg high: https://github.com/advisories/GHSA-xxxx');
    expect(evaluateAudit(report({ m: { severity: 'moderate', via: [] } }), none, '2026-11-30').kind).toBe('pass');
    expect(evaluateAudit(report({}), none, '2026-11-30').kind).toBe('pass');
  });

  it('accepts a written, unexpired exception and fails once it expires', () => {
    const exceptions = {
      exceptions: [
        {
          package: 'bad-pkg',
          advisory: 'GHSA-xxxx',
          reason: 'only reachable from the build script, never at run time',
          expires: '2026-12-31',
        },
      ],
    };
    expect(evaluateAudit(report(high), exceptions, '2026-11-30')).toMatchObject({ kind: 'pass' });
    expect(evaluateAudit(report(high), exceptions, '2027-01-01')).toMatchObject({
      kind: 'fail',
      message: expect.stringMatching(/expired 2026-12-31/),
    });
  });

  it('refuses exceptions without a real reason or a date', () => {
    expect(
      AuditExceptions.safeParse({ exceptions: [{ package: 'x', reason: 'ok', expires: '2026-12-31' }] }).success,
    ).toBe(false);
    expect(
      AuditExceptions.safeParse({
        exceptions: [{ package: 'x', reason: 'a reason that is long enough', expires: 'soon' }],
      }).success,
    ).toBe(false);
  });

  it('says SKIPPED, without failing, when the audit endpoint does not answer', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    for (const stdout of [refused, '', 'npm ERR! network']) {
      const out = evaluateAudit(stdout, none, '2026-11-30');
      expect(out.kind).toBe('unavailable');
      expect(out.message).toMatch(/SKIPPED.*did not answer/);
    }
  });
});
