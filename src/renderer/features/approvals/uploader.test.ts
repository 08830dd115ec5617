import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import type { ApprovalRecord } from '../../../shared/api/approvals.js';
import { uploadStatus } from '../../db/approvalOutbox.js';
import { CallsignDb } from '../../db/CallsignDb.js';
import { appendApprovalRecord, ensureChainHead } from '../../db/deviceChain.js';
import { unlinked } from '../../db/deviceChainFixtures.testkit.js';
import { ApprovalUploader, backoffDelay, BACKOFF_CAP_MS } from './uploader.js';

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`uploader-${++k}`);
});
afterEach(() => db.delete());

/** A fake server: `fail` decides per call; records accepted in order are kept. */
function fakeApi(fail: (record: ApprovalRecord, call: number) => AppError | null) {
  const stored: string[] = [];
  let calls = 0;
  const invoke = vi.fn(async (_channel: string, record: ApprovalRecord) => {
    const err = fail(record, ++calls);
    if (err) throw err;
    stored.push(record.id);
    return { id: record.id, storedAt: 'now', serverSeq: stored.length };
  });
  return { api: { invoke } as unknown as ConstructorParameters<typeof ApprovalUploader>[0]['api'], invoke, stored };
}

async function seed(n: number) {
  const { deviceId } = await ensureChainHead(db);
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(await appendApprovalRecord(db, unlinked(deviceId, i), () => 0));
  return rows;
}

describe('backoffDelay', () => {
  it('doubles from 1 s with ±25 % jitter and caps at 5 min', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(2, () => 0.5)).toBe(2000);
    expect(backoffDelay(4, () => 0)).toBe(6000);
    expect(backoffDelay(4, () => 1)).toBe(10000);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_CAP_MS * 0.75);
  });
});

describe('ApprovalUploader', () => {
  it('sends pending records in chain order and marks them sent', async () => {
    const rows = await seed(3);
    const { api, stored } = fakeApi(() => null);
    const up = new ApprovalUploader({ api, db, technicianId: 'u1', now: () => 1000 });
    expect(await up.run(false)).toEqual({ sent: 3 });
    expect(stored).toEqual(rows.map((r) => r.id));
    const after = await db.approvals.orderBy('chainIndex').toArray();
    expect(after.map(uploadStatus)).toEqual(['sent', 'sent', 'sent']);
    expect(after.map((r) => r.record)).toEqual(rows.map((r) => r.record));
  });

  it('backs off on server_unreachable, keeps the chain order, and sends once the server is back', async () => {
    const rows = await seed(2);
    let now = 1000;
    let down = true;
    const { api, invoke, stored } = fakeApi(() => (down ? new AppError('server_unreachable', 'down') : null));
    const up = new ApprovalUploader({ api, db, technicianId: 'u1', now: () => now, random: () => 0.5 });
    expect(await up.run(false)).toMatchObject({ sent: 0, stoppedAt: { code: 'server_unreachable', willRetry: true } });
    let first = (await db.approvals.get(rows[0]!.id))!;
    expect(first).toMatchObject({ attempts: 1, nextAttemptAt: 2000, lastError: 'down', uploadState: 'pending' });
    expect(invoke).toHaveBeenCalledTimes(1); // the second record waits behind the first

    // Before the backoff time a tick does not call the server.
    now = 1500;
    await up.run(false);
    expect(invoke).toHaveBeenCalledTimes(1);
    now = 2000;
    await up.run(false);
    first = (await db.approvals.get(rows[0]!.id))!;
    expect(first).toMatchObject({ attempts: 2, nextAttemptAt: 4000 });
    now = 4000;
    await up.run(false);
    expect((await db.approvals.get(rows[0]!.id))!.nextAttemptAt).toBe(4000 + 4000);

    down = false;
    expect(await up.kick()).toEqual({ sent: 2 }); // a kick (focus, new record) ignores the backoff
    expect(stored).toEqual(rows.map((r) => r.id));
  });

  it('parks a 409 conflict as failed with the message and never drops it', async () => {
    const rows = await seed(2);
    const { api, stored } = fakeApi((r) =>
      r.id === rows[0]!.id ? new AppError('conflict', 'A different record with this id is stored.') : null,
    );
    const up = new ApprovalUploader({ api, db, technicianId: 'u1', now: () => 1 });
    expect(await up.run(true)).toMatchObject({ sent: 0, stoppedAt: { code: 'conflict', willRetry: false } });
    const first = (await db.approvals.get(rows[0]!.id))!;
    expect(uploadStatus(first)).toBe('failed');
    expect(first.lastError).toBe('A different record with this id is stored.');
    expect(await db.approvals.count()).toBe(2);
    expect(await up.run(true)).toMatchObject({ stoppedAt: { code: 'conflict' } });
    expect(stored).toEqual([]);
  });

  it('start() runs at once and on the 30 s interval; runs never overlap', async () => {
    await seed(1);
    const { api, invoke } = fakeApi(() => null);
    const timers: { fn: () => void; ms: number }[] = [];
    const up = new ApprovalUploader({
      api,
      db,
      technicianId: 'u1',
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
    });
    up.start();
    const second = up.kick();
    await second;
    await vi.waitFor(async () => expect(await db.approvals.where('uploadState').equals('sent').count()).toBe(1));
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(timers.some((t) => t.ms === 30_000)).toBe(true);
    up.stop();
  });

  it('on a shared desk sends only the signed-in technician’s records; the others wait untouched', async () => {
    const { deviceId } = await ensureChainHead(db);
    const other = { id: 'u2', name: 'Omar Other' };
    const a1 = await appendApprovalRecord(db, unlinked(deviceId, 1), () => 0);
    const b1 = await appendApprovalRecord(db, { ...unlinked(deviceId, 2), technician: other }, () => 0);
    const a2 = await appendApprovalRecord(db, unlinked(deviceId, 3), () => 0);
    // The server's rule: a technician's records only from that technician (403 otherwise).
    const asU1 = fakeApi((r) => (r.technician.id === 'u1' ? null : new AppError('forbidden', 'not yours')));
    expect(await new ApprovalUploader({ api: asU1.api, db, technicianId: 'u1' }).run(true)).toEqual({ sent: 2 });
    expect(asU1.stored).toEqual([a1.id, a2.id]);
    expect((await db.approvals.get(b1.id))!).toMatchObject({ uploadState: 'pending', attempts: 0 });
    const asU2 = fakeApi((r) => (r.technician.id === 'u2' ? null : new AppError('forbidden', 'not yours')));
    expect(await new ApprovalUploader({ api: asU2.api, db, technicianId: 'u2' }).run(true)).toEqual({ sent: 1 });
    expect(asU2.stored).toEqual([b1.id]);
  });
});
