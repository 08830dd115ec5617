/**
 * The vault's clock-driven work, without any request arriving: every `intervalMs` (and once at
 * start, which resolves rotations left pending by a crash) it
 *  1. ends leases whose login window is over, and leases whose holder's device was revoked or
 *     removed (each ended once: LeaseService.end is a conditional update),
 *  2. rotates every account that is due (ended lease, failed and ready to retry, claim run out,
 *     7 days unused) — each claimed by exactly one process (RotationService).
 * A sweep is single-flight; overlapping ticks share it. Errors are logged and the next tick retries.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { LeaseService } from './LeaseService.js';
import type { RotationService } from './RotationService.js';

export interface SchedulerLog {
  error(context: object, message: string): void;
}

export interface SweepResult {
  expired: number;
  revoked: number;
  rotated: number;
  failed: number;
}

export class VaultScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly leases: LeaseService,
    private readonly rotations: RotationService,
    private readonly now: () => number,
    private readonly log: SchedulerLog,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined); // its error was logged by tick()
    // Let rotations under way finish, but do not hang shutdown on an unreachable target: an
    // unfinished one stays `pending` and the next start resolves it (RotationService).
    await Promise.race([this.rotations.settle(), new Promise((r) => setTimeout(r, 3_000).unref())]);
  }

  /** One sweep now (tests call this with a fake clock); concurrent callers share it. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.doSweep().finally(() => (this.running = null));
    return this.running;
  }

  private tick(): void {
    this.sweep().catch((e: unknown) =>
      this.log.error(
        { err: e },
        'vault scheduler sweep failed; leases may stay open and rotations wait until the next tick',
      ),
    );
  }

  private async doSweep(): Promise<SweepResult> {
    const result: SweepResult = { expired: 0, revoked: 0, rotated: 0, failed: 0 };
    const over = await this.db
      .selectFrom('vault_leases')
      .select('id')
      .where('ended_at', 'is', null)
      .where('expires_at', '<=', this.now())
      .execute();
    for (const l of over) if (await this.leases.end(l.id, 'expired', 'system')) result.expired++;
    const revoked = await this.db
      .selectFrom('vault_leases as l')
      .leftJoin('devices as d', 'd.id', 'l.device_id')
      .select('l.id')
      .where('l.ended_at', 'is', null)
      .where('l.device_id', 'is not', null)
      .where((eb) => eb.or([eb('d.id', 'is', null), eb('d.revoked_at', 'is not', null)]))
      .execute();
    for (const l of revoked) if (await this.leases.end(l.id, 'device_revoked', 'system')) result.revoked++;
    await this.rotations.settle(); // rotations started by the ends above
    for (const id of await this.rotations.dueIds()) {
      const outcome = await this.rotations.rotate(id);
      if (outcome === 'rotated') result.rotated++;
      else if (outcome === 'failed') result.failed++;
    }
    return result;
  }
}
