/**
 * Uploads the approval-record outbox (db/approvalOutbox.ts) through IPC `approvals.upload`.
 *
 * - Strictly in chain order: the server checks each record's `prevHash` against the device's last
 *   stored record, so a record is never sent before the one it links to. The first record that
 *   cannot be sent stops the run.
 * - 200/201 → `sent`. `server_unreachable` (and other transient errors) → retry later with
 *   exponential backoff and jitter, 1 s doubling up to a 5 min cap. 409 `conflict` or a rejected
 *   record (`bad_request`) → parked as failed with the server's message, never dropped.
 * - Triggers: `start()` (runs at once, then every 30 s and at the next backoff time), `kick()` (window
 *   focus, a new record written) which ignores the backoff of the first waiting record.
 * Runs never overlap: a trigger during a run queues exactly one more run.
 * - Only the signed-in technician's records (`technicianId`): on a shared desk another technician's
 *   records wait, untouched, for their own sign-in — the server refuses them from anyone else, and
 *   sending them would park them and stop the queue for everybody.
 */
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { markFailed, markRetry, markSent, PARKED, unsentRows } from '../../db/approvalOutbox.js';
import type { CallsignDb } from '../../db/CallsignDb.js';

export const UPLOAD_INTERVAL_MS = 30_000;
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** Error codes that will not go away by retrying the same record. */
const PERMANENT = new Set(['conflict', 'bad_request', 'forbidden']);

/** Delay before attempt `attempts + 1`: 1 s, 2 s, 4 s … capped at 5 min, with ±25 % jitter (never above the cap). */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = base * (0.75 + random() * 0.5);
  return Math.round(Math.min(BACKOFF_CAP_MS, jittered));
}

export interface UploaderDeps {
  api: Pick<CallsignApi, 'invoke'>;
  db: CallsignDb;
  /** The signed-in technician: only their records are sent. */
  technicianId: string;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface UploadRunResult {
  sent: number;
  /** Set when the run stopped at a record that could not be sent. */
  stoppedAt?: { id: string; code: string; willRetry: boolean };
}

export class ApprovalUploader {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private running: Promise<UploadRunResult> | null = null;
  private queued: { force: boolean } | null = null;
  private interval: unknown = null;
  private retryTimer: unknown = null;
  private stopped = true;

  constructor(private readonly deps: UploaderDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      void this.run(false);
      this.interval = this.setTimer(tick, UPLOAD_INTERVAL_MS);
    };
    this.interval = this.setTimer(tick, UPLOAD_INTERVAL_MS);
    void this.run(true);
  }

  stop(): void {
    this.stopped = true;
    if (this.interval !== null) this.clearTimer(this.interval);
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.interval = this.retryTimer = null;
  }

  /** Upload now, without waiting for the first record's backoff (focus, new record). */
  kick(): Promise<UploadRunResult> {
    return this.run(true);
  }

  /** One pass over the outbox; `force` ignores the first waiting record's backoff time. */
  run(force: boolean): Promise<UploadRunResult> {
    if (this.running) {
      this.queued = { force: force || (this.queued?.force ?? false) };
      return this.running;
    }
    const p = this.pass(force).finally(() => {
      this.running = null;
      const next = this.queued;
      this.queued = null;
      if (next && !this.stopped) void this.run(next.force);
    });
    this.running = p;
    return p;
  }

  private async pass(force: boolean): Promise<UploadRunResult> {
    const { api, db } = this.deps;
    let sent = 0;
    for (const row of await unsentRows(db, this.deps.technicianId)) {
      if (row.nextAttemptAt >= PARKED) return { sent, stoppedAt: { id: row.id, code: 'conflict', willRetry: false } };
      if (!force && row.nextAttemptAt > this.now()) {
        this.scheduleRetry(row.nextAttemptAt);
        return { sent, stoppedAt: { id: row.id, code: 'backoff', willRetry: true } };
      }
      force = false; // only the first record may skip its backoff
      try {
        await api.invoke('approvals.upload', row.record);
        await markSent(db, row.id, this.now());
        sent++;
      } catch (err) {
        const e = toAppError(err);
        const attempts = row.attempts + 1;
        if (PERMANENT.has(e.code)) {
          await markFailed(db, row.id, attempts, e.message);
          return { sent, stoppedAt: { id: row.id, code: e.code, willRetry: false } };
        }
        const at = this.now() + backoffDelay(attempts, this.random);
        await markRetry(db, row.id, attempts, at, e.message);
        this.scheduleRetry(at);
        return { sent, stoppedAt: { id: row.id, code: e.code, willRetry: true } };
      }
    }
    return { sent };
  }

  private scheduleRetry(at: number): void {
    if (this.stopped) return;
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = this.setTimer(
      () => {
        this.retryTimer = null;
        void this.run(false);
      },
      Math.max(0, at - this.now()),
    );
  }
}
