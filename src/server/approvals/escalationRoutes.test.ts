import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalRecord } from '../../shared/api/index.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { ESCALATION_LIMITS } from '../permissions/rateLimits.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { unlinkedRecord } from './testRecords.testkit.js';

let t: TestApp;
let token: string;
let outboxDir: string;

beforeEach(async () => {
  outboxDir = mkdtempSync(join(tmpdir(), 'cs-escalations-'));
  t = await createTestApp({ approvals: { mailer: new FolderOutbox(join(outboxDir, 'outbox')) } });
  token = (await t.login()).accessToken;
});
afterEach(async () => {
  await t.close();
  rmSync(outboxDir, { recursive: true, force: true });
});

const technicianOf = async (email: string) => {
  const user = (await t.services.users.findByEmail(email))!;
  return { id: user.id, name: user.name };
};

const SPAM = 'CHEAP WATCHES at http://spam.example';

/** One escalated record of `email`'s technician (stored directly, as an upload would). */
async function storedRecord(
  email = 'tech@callsign.demo',
  overrides: Partial<ApprovalRecord> = {},
  prevHash = GENESIS_HASH,
): Promise<ApprovalRecord> {
  const technician = await technicianOf(email);
  const record = ApprovalRecord.parse(
    await linkRecord(
      unlinkedRecord(`dev-${email}`, {
        technician,
        finalState: 'escalated_tier4',
        ticket: 'T-4242',
        events: [{ type: 'escalated', note: SPAM, at: '2026-03-01T10:00:00Z' }],
        ...overrides,
      }),
      prevHash,
    ),
  );
  await t.services.approvals.records.store(record, technician);
  return record;
}

const escalate = (payload: unknown, auth = token) =>
  t.app.inject({ method: 'POST', url: '/v1/approvals/escalations', headers: bearer(auth), payload: payload as object });
const mails = () => t.services.approvals.outbox!.list();

describe('POST /v1/approvals/escalations', () => {
  it("emails the site's contacts about the caller's stored escalated record, text built from the record", async () => {
    const record = await storedRecord();
    // Free text in the request (the old contract's fields) is ignored, never mailed.
    const res = await escalate({ recordId: record.id, reasons: [SPAM], ticket: 'SPAM', siteId: 'site-contoso-london' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ notified: 2 });
    const sent = await mails();
    expect(sent).toHaveLength(2);
    for (const mail of sent) {
      expect(mail.subject).toBe('[Callsign] Tier 4 approval required: Northwind Traders — Seattle — ticket T-4242');
      expect(mail.text).toContain(record.id);
      expect(mail.text).toContain('Technician: Taylor Tech');
      expect(mail.text).toContain('password.reset');
      expect(mail.text).not.toContain('SPAM');
      expect(mail.text).not.toContain(SPAM);
    }
    const [event] = await t.services.audit.list({ type: 'approval.escalated' });
    expect(event).toMatchObject({ subject: record.id, data: { siteId: 'site-northwind', notified: 2 } });
  });

  it('sends once per record, even for many concurrent calls, answering the first count each time', async () => {
    const record = await storedRecord();
    const n = ESCALATION_LIMITS.perTechnician.max;
    const results = await Promise.all(Array.from({ length: n }, () => escalate({ recordId: record.id })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(n).fill(200));
    expect(results.every((r) => r.json().notified === 2)).toBe(true);
    // Beyond the route's limit, straight at the service: still one send.
    const actor = await technicianOf('tech@callsign.demo');
    const direct = await Promise.all(
      Array.from({ length: 30 }, () => t.services.approvals.escalations.escalate(record.id, actor)),
    );
    expect(direct.every((r) => r.notified === 2)).toBe(true);
    expect(await mails()).toHaveLength(2);
    expect(await t.services.audit.list({ type: 'approval.escalated' })).toHaveLength(1);
  });

  it('refuses a record that is not stored, or is not the caller’s (404 naming recordId), mailing nothing', async () => {
    const unknown = await escalate({ recordId: '7f1d5c3e-2b8a-4c1e-9d3f-0a1b2c3d4e5f' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'not_found',
      field: 'recordId',
      message: expect.stringContaining('upload'),
    });
    const nicos = await storedRecord('noc@callsign.demo');
    const other = await escalate({ recordId: nicos.id });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.field).toBe('recordId');
    expect(await mails()).toHaveLength(0);
  });

  it('refuses a record that did not end escalated (400 naming recordId)', async () => {
    const approved = await storedRecord('tech@callsign.demo', { finalState: 'approved', events: [] });
    const res = await escalate({ recordId: approved.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', field: 'recordId' });
    expect(await mails()).toHaveLength(0);
    expect((await escalate({ recordId: 'nope' })).json().error.field).toBe('recordId');
  });

  it('is rate-limited per technician: 429 with Retry-After saying what to do', async () => {
    const record = await storedRecord();
    for (let i = 0; i < ESCALATION_LIMITS.perTechnician.max; i++)
      expect((await escalate({ recordId: record.id })).statusCode).toBe(200);
    const refused = await escalate({ recordId: record.id });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/[Ww]ait/) });
    // Another technician has a count of their own.
    const nicoToken = (await t.login('noc@callsign.demo')).accessToken;
    const nicos = await storedRecord('noc@callsign.demo');
    expect((await escalate({ recordId: nicos.id }, nicoToken)).statusCode).toBe(200);
  });
});

describe('escalation on upload', () => {
  it('a record that ended escalated offline is escalated once when uploaded; asking again sends nothing more', async () => {
    const technician = await technicianOf('tech@callsign.demo');
    const record = ApprovalRecord.parse(
      await linkRecord(
        unlinkedRecord('dev-e', {
          technician,
          finalState: 'escalated_partner',
          events: [{ type: 'escalated', note: SPAM, at: '2026-03-01T10:00:00Z' }],
        }),
        GENESIS_HASH,
      ),
    );
    const upload = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/approvals',
        headers: { ...bearer(token), 'idempotency-key': record.id },
        payload: record,
      });
    expect((await upload()).statusCode).toBe(201);
    expect((await upload()).statusCode).toBe(200);
    expect(await mails()).toHaveLength(2);
    expect((await mails()).every((m) => m.text.includes(record.id) && !m.text.includes(SPAM))).toBe(true);
    // The wizard's own call after the upload: the count of the escalation already sent.
    expect((await escalate({ recordId: record.id })).json()).toEqual({ notified: 2 });
    expect(await mails()).toHaveLength(2);
    expect(await t.services.audit.list({ type: 'approval.escalated' })).toHaveLength(1);
  });
});
