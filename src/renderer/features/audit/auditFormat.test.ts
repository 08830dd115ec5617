import { describe, expect, it } from 'vitest';
import { auditCsvRows, MASKED, summarizeData } from './auditFormat.js';

describe('summarizeData', () => {
  it('lists key: value pairs, JSON for nested values, and cuts long text', () => {
    expect(summarizeData({ method: 'password', deviceName: 'Desk 1', ok: true, n: 3 })).toBe(
      'method: password · deviceName: Desk 1 · ok: true · n: 3',
    );
    expect(summarizeData({ changes: { role: 'noc' } })).toBe('changes: {"role":"noc"}');
    expect(summarizeData({})).toBe('');
    expect(summarizeData({ text: 'x'.repeat(300) }, 20)).toBe(`text: ${'x'.repeat(13)}…`);
  });

  it('masks values shaped like a bearer token or JWT, also when nested', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';
    expect(summarizeData({ token: jwt, auth: 'Bearer abc.def' })).toBe(`token: ${MASKED} · auth: ${MASKED}`);
    expect(summarizeData({ nested: { t: jwt } })).toBe(`nested: {"t":"${MASKED}"}`);
  });
});

describe('auditCsvRows', () => {
  it('writes a header and one row per entry with label, actor name and data as JSON', () => {
    const rows = auditCsvRows(
      [
        {
          seq: 2,
          at: '2026-03-01T10:00:00.000Z',
          actor: 'u3',
          type: 'auth.sign_in',
          subject: 'sup@x',
          data: { method: 'password' },
          prevHash: 'p',
          hash: 'h',
        },
      ],
      (t) => (t === 'auth.sign_in' ? 'Signed in' : t),
      (a) => (a === 'u3' ? 'sup@x' : a),
    );
    expect(rows).toEqual([
      ['seq', 'time', 'type', 'event', 'actor', 'subject', 'data', 'hash'],
      ['2', '2026-03-01T10:00:00.000Z', 'auth.sign_in', 'Signed in', 'sup@x', 'sup@x', '{"method":"password"}', 'h'],
    ]);
  });
});
