import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalRecord } from '../../shared/api/index.js';
import { hashRecord, linkRecord } from '../../shared/chain/hashChain.js';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { deviceChain, unlinkedRecord } from './testRecords.testkit.js';

let t: TestApp;
let token: string;
let outboxDir: string;

beforeEach(async () => {
  outboxDir = mkdtempSync(join(tmpdir(), 'cs-approvals-'));
  t = await createTestApp({ approvals: { mailer: new FolderOutbox(join(outboxDir, 'outbox')) } });
  token = (await t.login()).accessToken;
});
afterEach(async () => {
  await t.close();
  rmSync(outboxDir, { recursive: true, force: true });
});

/** `key` null sends no Idempotency-Key header; by default it is the record id. */
const upload = (record: unknown, key: string | null = (record as { id?: string }).id ?? null) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/approvals',
    headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: record as object,
  });
const rows = () =>
  t.all('select id, device_id, site_id, technician, final_state, server_seq from approval_records order by server_seq');

describe('POST /v1/approvals', () => {
  it('stores a record once, appends it to the audit chain and replays the stored result', async () => {
    const [record] = await deviceChain('dev-a', 1);
    const first = await upload(record);
    expect(first.statusCode).toBe(201);
    const stored = first.json();
    expect(stored).toMatchObject({ id: record!.id, serverSeq: expect.any(Number), storedAt: expect.any(String) });

    const again = await upload(record);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(stored);
    // Key order does not matter: the canonical body is the same.
    const reordered = Object.fromEntries(Object.entries(record!).reverse());
    expect((await upload(reordered)).json()).toEqual(stored);

    expect(await rows()).toEqual([
      {
        id: record!.id,
        device_id: 'dev-a',
        site_id: 'site-northwind',
        technician: 'tech-1',
        final_state: 'approved',
        server_seq: stored.serverSeq,
      },
    ]);
    const events = await t.services.audit.list({ type: 'approval.stored' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: stored.serverSeq,
      subject: record!.id,
      data: { deviceId: 'dev-a', hash: record!.hash, finalState: 'approved' },
    });
    expect(await t.services.audit.verify()).toBeNull();
    expect(await t.services.approvals.records.get(record!.id)).toEqual(record);
  });

  it('escalates a record that ended escalated while offline, once, when it is uploaded', async () => {
    const escalated = ApprovalRecord.parse(
      await linkRecord(
        unlinkedRecord('dev-e', {
          finalState: 'escalated_tier4',
          events: [{ type: 'escalated', note: 'offline', at: '2026-03-01T10:00:00Z' }],
        }),
        '0'.repeat(64),
      ),
    );
    expect((await upload(escalated)).statusCode).toBe(201);
    expect((await upload(escalated)).statusCode).toBe(200);
    const mails = await t.services.approvals.outbox!.list();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.text.includes(escalated.id))).toBe(true);
    const perContact = mails.length;
    expect(await t.services.audit.list({ type: 'approval.escalated' })).toHaveLength(1);

    // Escalated online first (the wizard's own call): the upload does not notify a second time.
    const online = ApprovalRecord.parse(
      await linkRecord(unlinkedRecord('dev-e', { finalState: 'escalated_partner' }), escalated.hash),
    );
    const esc = {
      siteId: online.siteId,
      recordId: online.id,
      outcome: 'escalate_partner',
      action: online.request.action,
      reasons: ['r'],
    };
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/approvals/escalations', headers: bearer(token), payload: esc }))
        .statusCode,
    ).toBe(200);
    expect((await upload(online)).statusCode).toBe(201);
    expect(await t.services.approvals.outbox!.list()).toHaveLength(perContact * 2);
  });

  it('refuses the same id with a different body (409 conflict), keeping one row', async () => {
    const [record] = await deviceChain('dev-a', 1);
    await upload(record);
    const changed = ApprovalRecord.parse(
      await linkRecord({ ...unlinkedRecord('dev-a'), id: record!.id, finalState: 'denied' }, record!.prevHash),
    );
    const res = await upload(changed);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(await rows()).toHaveLength(1);
  });

  it('checks the device chain: in order is fine, a gap or a fork is chain_broken', async () => {
    const chain = await deviceChain('dev-b', 3);
    const skipped = await upload(chain[1]);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({
      code: 'chain_broken',
      field: 'prevHash',
      message: expect.stringContaining('no records from device dev-b'),
    });
    for (const r of chain) expect((await upload(r)).statusCode).toBe(201);

    const [fork] = await deviceChain('dev-b', 1, chain[0]!.hash);
    const forked = await upload(fork);
    expect(forked.statusCode).toBe(409);
    expect(forked.json().error.message).toMatch(/oldest first/);

    // Chains are per device: another device starts from genesis.
    const [other] = await deviceChain('dev-c', 1);
    expect((await upload(other)).statusCode).toBe(201);
    expect(await rows()).toHaveLength(4);
  });

  it('requires the Idempotency-Key header equal to the record id', async () => {
    const [record] = await deviceChain('dev-a', 1);
    const missing = await upload(record, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'bad_request', field: 'Idempotency-Key' });
    const wrong = await upload(record, 'something-else');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('Idempotency-Key');
    expect(await rows()).toHaveLength(0);
  });

  it('rejects a wrong hash and an invalid record, naming the field', async () => {
    const [record] = await deviceChain('dev-a', 1);
    const tampered = { ...record!, ticket: 'T-9999' };
    const res = await upload(tampered);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', field: 'hash' });
    expect(await hashRecord(tampered, tampered.prevHash)).not.toBe(tampered.hash);

    const bad = await upload({ ...record!, finalState: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('finalState');
    const notUuid = await upload({ ...record!, id: 'x1' }, 'x1');
    expect(notUuid.json().error.field).toBe('id');
    expect(await rows()).toHaveLength(0);
  });

  it('needs a bearer token', async () => {
    const [record] = await deviceChain('dev-a', 1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/approvals',
      headers: { 'idempotency-key': record!.id },
      payload: record,
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /v1/approvals/evaluate', () => {
  const evaluate = (payload: unknown, auth = true) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/approvals/evaluate',
      headers: auth ? bearer(token) : {},
      payload: payload as object,
    });

  it("decides with the stored site's rules", async () => {
    const res = await evaluate({
      siteId: 'site-northwind',
      request: { siteId: 'site-northwind', action: 'password.reset', callerProfileId: 'prof-dana' },
    });
    expect(res.statusCode).toBe(200);
    const decision = res.json();
    expect(decision.outcome).toBe('approval_required');
    expect(decision.steps).toEqual([
      { kind: 'authenticate_caller', profileId: 'prof-dana', number: '+12065550101' },
      { kind: 'dial', approver: 'Morgan Lee', approverKind: 'client', number: '+12065550121', authenticate: true },
      { kind: 'dial', approver: 'Priya Shah', approverKind: 'client', number: '+12065550123', authenticate: true },
    ]);
    const blocked = await evaluate({
      siteId: 'site-northwind',
      request: { siteId: 'site-northwind', action: 'software.install', software: 'TeamViewer 15.2' },
    });
    expect(blocked.json().outcome).toBe('blocked');
  });

  it('404 for an unknown site, 400 naming the field for a bad request, 401 without a token', async () => {
    const unknown = await evaluate({ siteId: 'site-nope', request: { siteId: 'site-nope', action: 'password.reset' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'not_found', field: 'siteId' });

    const badAction = await evaluate({
      siteId: 'site-northwind',
      request: { siteId: 'site-northwind', action: 'password.nuke' },
    });
    expect(badAction.statusCode).toBe(400);
    expect(badAction.json().error).toMatchObject({
      code: 'bad_request',
      field: 'request.action',
      message: expect.stringContaining('unknown action id'),
    });

    const badType = await evaluate({
      siteId: 'site-northwind',
      request: { siteId: 'site-northwind', action: 'password.reset', unmanagedMachine: 'yes' },
    });
    expect(badType.json().error.field).toBe('request.unmanagedMachine');

    const mismatch = await evaluate({
      siteId: 'site-northwind',
      request: { siteId: 'site-bluebird', action: 'password.reset' },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.field).toBe('request.siteId');

    expect(
      (
        await evaluate(
          { siteId: 'site-northwind', request: { siteId: 'site-northwind', action: 'password.reset' } },
          false,
        )
      ).statusCode,
    ).toBe(401);
  });
});

describe('POST /v1/approvals/escalations', () => {
  const escalate = (payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/approvals/escalations',
      headers: bearer(token),
      payload: payload as object,
    });

  it("emails the site's notification contacts through the outbox and audits it", async () => {
    const recordId = '7f1d5c3e-2b8a-4c1e-9d3f-0a1b2c3d4e5f';
    const res = await escalate({
      siteId: 'site-contoso-london',
      recordId,
      outcome: 'escalate_partner',
      action: 'password.reset',
      reasons: [
        'password_reset policy: authenticateApprover is sms but Harriet Clarke has no mobile phone with an SMS gateway',
      ],
      ticket: 'T-2002',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ notified: 2 });

    const outbox = await t.services.approvals.outbox!.list();
    expect(outbox.map((m) => m.to[0]).sort()).toEqual([
      '"Brightline MSP help desk escalations" <helpdesk-escalations@brightline-msp.example>',
      '"Brightline UK service desk" <uk-servicedesk@brightline-msp.example>',
    ]);
    const mail = outbox[0]!;
    expect(mail.subject).toBe('[Callsign] Escalated to the partner: Contoso Ltd — London — ticket T-2002');
    for (const part of [
      'Site: Contoso Ltd — London (site-contoso-london)',
      'password.reset',
      'Outcome: escalate_partner',
      'Ticket: ticket T-2002',
      'Technician: Taylor Tech',
      recordId,
      '- password_reset policy: authenticateApprover is sms but Harriet Clarke',
    ]) {
      expect(mail.text).toContain(part);
    }
    const [event] = await t.services.audit.list({ type: 'approval.escalated' });
    expect(event).toMatchObject({
      subject: recordId,
      data: { siteId: 'site-contoso-london', outcome: 'escalate_partner', notified: 2, ticket: 'T-2002' },
    });
  });

  it('404 for an unknown site and 400 naming the field for bad input', async () => {
    const base = {
      siteId: 'site-northwind',
      recordId: '7f1d5c3e-2b8a-4c1e-9d3f-0a1b2c3d4e5f',
      outcome: 'tier4',
      action: 't4.vpn_access',
      reasons: [],
    };
    expect((await escalate(base)).json()).toEqual({ notified: 2 });
    const unknown = await escalate({ ...base, siteId: 'site-nope' });
    expect(unknown.statusCode).toBe(404);
    const badOutcome = await escalate({ ...base, outcome: 'proceed' });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json().error.field).toBe('outcome');
    const badId = await escalate({ ...base, recordId: 'nope' });
    expect(badId.json().error.field).toBe('recordId');
  });
});
