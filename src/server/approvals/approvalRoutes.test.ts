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
/** The signed-in technician, as the desktop puts it in each record. */
let tech: { id: string; name: string };

const technicianOf = async (email: string) => {
  const user = (await t.services.users.findByEmail(email))!;
  return { id: user.id, name: user.name };
};
/** Records of the signed-in technician (the desktop only ever makes these). */
const chainOf = (deviceId: string, count: number, prevHash?: string) =>
  deviceChain(deviceId, count, prevHash, { technician: tech });
const recordOf = (deviceId: string, overrides: Parameters<typeof unlinkedRecord>[1] = {}) =>
  unlinkedRecord(deviceId, { technician: tech, ...overrides });

beforeEach(async () => {
  outboxDir = mkdtempSync(join(tmpdir(), 'cs-approvals-'));
  t = await createTestApp({ approvals: { mailer: new FolderOutbox(join(outboxDir, 'outbox')) } });
  token = (await t.login()).accessToken;
  tech = await technicianOf('tech@callsign.demo');
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
    const [record] = await chainOf('dev-a', 1);
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
        technician: tech.id,
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

  it('refuses the same id with a different body (409 conflict), keeping one row', async () => {
    const [record] = await chainOf('dev-a', 1);
    await upload(record);
    const changed = ApprovalRecord.parse(
      await linkRecord({ ...recordOf('dev-a'), id: record!.id, finalState: 'denied' }, record!.prevHash),
    );
    const res = await upload(changed);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(await rows()).toHaveLength(1);
  });

  it('checks the device chain: in order is fine, a gap or a fork is chain_broken', async () => {
    const chain = await chainOf('dev-b', 3);
    const skipped = await upload(chain[1]);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({
      code: 'chain_broken',
      field: 'prevHash',
      message: expect.stringContaining('no records from device dev-b'),
    });
    for (const r of chain) expect((await upload(r)).statusCode).toBe(201);

    const [fork] = await chainOf('dev-b', 1, chain[0]!.hash);
    const forked = await upload(fork);
    expect(forked.statusCode).toBe(409);
    expect(forked.json().error.message).toMatch(/oldest first/);

    // Chains are per device: another device starts from genesis.
    const [other] = await chainOf('dev-c', 1);
    expect((await upload(other)).statusCode).toBe(201);
    expect(await rows()).toHaveLength(4);
  });

  it("refuses a record in another technician's name (403 naming technician.id), storing nothing", async () => {
    const other = await technicianOf('noc@callsign.demo');
    const [forged] = await deviceChain('dev-a', 1, undefined, { technician: other });
    const res = await upload(forged);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'forbidden',
      field: 'technician.id',
      message: expect.stringContaining('signed-in'),
    });
    expect(await rows()).toHaveLength(0);
  });

  it("another technician claiming a device's chain first cannot block that device's genuine records", async () => {
    // The desktop's device id is not secret (supervisors see it in the audit log): Nico uploads
    // records of his own under Taylor's device id before Taylor's desktop gets online.
    const nico = await technicianOf('noc@callsign.demo');
    const nicoToken = (await t.login('noc@callsign.demo')).accessToken;
    const squat = await deviceChain('dev-taylor', 2, undefined, { technician: nico });
    for (const r of squat) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/approvals',
        headers: { ...bearer(nicoToken), 'idempotency-key': r.id },
        payload: r,
      });
      expect(res.statusCode).toBe(201);
    }
    // Taylor's genuine chain, from genesis, is still accepted in full, and stays linked.
    const genuine = await chainOf('dev-taylor', 3);
    for (const r of genuine) expect((await upload(r)).statusCode).toBe(201);
    const [fork] = await chainOf('dev-taylor', 1, genuine[0]!.hash);
    expect((await upload(fork)).json().error.code).toBe('chain_broken');
    expect(await rows()).toHaveLength(5);
  });

  it("records the session's server device with the stored record", async () => {
    const session = await t.login();
    token = session.accessToken;
    const [record] = await chainOf('dev-a', 1);
    expect((await upload(record)).statusCode).toBe(201);
    const [event] = await t.services.audit.list({ type: 'approval.stored' });
    expect(event!.data).toMatchObject({ deviceId: 'dev-a', sessionDeviceId: session.deviceId });
  });

  it('refuses a record for a site that never existed (404 naming siteId); a since-deleted site is fine', async () => {
    const [unknown] = await deviceChain('dev-a', 1, undefined, { technician: tech, siteId: 'site-nope' });
    const res = await upload(unknown);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', field: 'siteId' });
    expect(await rows()).toHaveLength(0);

    // Made offline before an administrator deleted the site: still the record of what happened.
    await t.services.directory.delete('site', 'site-northwind');
    const [late] = await chainOf('dev-a', 1);
    expect((await upload(late)).statusCode).toBe(201);
  });

  it('requires the Idempotency-Key header equal to the record id', async () => {
    const [record] = await chainOf('dev-a', 1);
    const missing = await upload(record, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'bad_request', field: 'Idempotency-Key' });
    const wrong = await upload(record, 'something-else');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('Idempotency-Key');
    expect(await rows()).toHaveLength(0);
  });

  it('rejects a wrong hash and an invalid record, naming the field', async () => {
    const [record] = await chainOf('dev-a', 1);
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
    const [record] = await chainOf('dev-a', 1);
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
