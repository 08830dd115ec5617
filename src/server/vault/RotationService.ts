/**
 * Two-phase, crash-safe password rotation of dynamic accounts:
 *  1. claim: ONE conditional update moves the row to `pending` with a claim time (from `due`, from
 *     `failed` once its retry time has come, from a `pending` whose claim ran out — a crashed
 *     process — or from `ok` when unused for 7 days). Only one process wins it, on any database.
 *  2. the new secret is sealed into `pending_secret` (AAD of version+1) BEFORE the target changes;
 *  3. the driver sets it; 4. commit: `secret` = pending, version+1, state `ok`.
 * A claim that finds a pending secret left by a crash or a failure first asks the driver which
 * secret works (verify new, then old) and commits or re-applies the same pending secret, so the
 * stored secret always works. A failure keeps the last good secret, state `failed` with a plain
 * reason, retried with exponential backoff; each outcome is audited (never the secret).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AuditSink } from '../audit/AuditLog.js';
import type { Database, VaultCredentialsTable } from '../db/schema.js';
import { META_COLUMNS, publishCredential, type StoredMeta } from './credentialFeed.js';
import type { DriverRegistry } from './driverRegistry.js';
import { generatePassword } from './generatePassword.js';
import { RotationError, type RotationTarget } from './RotationDriver.js';
import { credentialAad, type VaultCipher } from './vaultCipher.js';

export const UNUSED_ROTATION_MS = 7 * 24 * 3_600_000;
export const CLAIM_MS = 2 * 60_000;

export interface RotationPolicy {
  claimMs: number;
  unusedMs: number;
  /** Wait before retry number `attempt` (1-based). */
  backoffMs: (attempt: number) => number;
}

export const DEFAULT_ROTATION_POLICY: RotationPolicy = {
  claimMs: CLAIM_MS,
  unusedMs: UNUSED_ROTATION_MS,
  backoffMs: (attempt) => Math.min(3_600_000, 30_000 * 2 ** (attempt - 1)),
};

export type RotationOutcome = 'rotated' | 'failed' | 'not_claimed';

type Row = VaultCredentialsTable;

/** A rotation claimed inside the transaction that ended a lease, to run once that has committed. */
export interface ClaimedRotation {
  row: Row;
  claimUntil: number;
  /** The new secret, already sealed into `pending_secret` in that transaction (absent: one was left there). */
  next?: string;
}

export class RotationService {
  private readonly inFlight = new Map<string, Promise<RotationOutcome>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditSink,
    private readonly drivers: DriverRegistry,
    private readonly cipher: VaultCipher | null,
    private readonly now: () => number,
    private readonly policy: RotationPolicy = DEFAULT_ROTATION_POLICY,
  ) {}

  /** Rotates the account if it is due (single-flight per account in this process; claimed across processes). */
  rotate(id: string, trigger = 'scheduled'): Promise<RotationOutcome> {
    return this.inFlight.get(id) ?? this.track(id, this.claimAndRun(id, trigger));
  }

  /**
   * Phase 1 of the rotation after a dynamic lease, inside the transaction that ends the lease
   * (LeaseService.end): the lease is cleared, the row moves to `pending` under this process's claim
   * and the new secret is sealed into `pending_secret` — committed together, so the check-in answers
   * without waiting for the target and a crash from here on is resolved like any other (claimAndRun).
   * Returns the row as written (for the sync feed) and the claim to hand to `runClaimed` after the
   * commit; null when the account no longer holds this lease. Without a key the row is marked `due`.
   */
  async claimOnLeaseEnd(
    trx: Kysely<Database>,
    credentialId: string,
    leaseId: string,
    now: number,
  ): Promise<{ row: Row; claim: ClaimedRotation | null } | null> {
    const claimUntil = now + this.policy.claimMs;
    const row = await trx
      .updateTable('vault_credentials')
      .set(
        this.cipher
          ? { lease_id: null, rotation_state: 'pending', claim_until: claimUntil, updated_at: now }
          : { lease_id: null, rotation_state: 'due', updated_at: now },
      )
      .where('id', '=', credentialId)
      .where('lease_id', '=', leaseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    if (!this.cipher) return { row, claim: null };
    if (row.pending_secret !== null || row.secret === null) return { row, claim: { row, claimUntil } }; // run() sorts it out
    const next = generatePassword();
    const pending = this.cipher.seal(next, credentialAad(row.id, row.version + 1));
    await trx.updateTable('vault_credentials').set({ pending_secret: pending }).where('id', '=', row.id).execute();
    const claimed = { ...row, pending_secret: pending };
    return { row: claimed, claim: { row: claimed, claimUntil, next } };
  }

  /** Phases 2–4 of a rotation claimed by `claimOnLeaseEnd`, after its transaction committed. */
  runClaimed(claim: ClaimedRotation, trigger: string): Promise<RotationOutcome> {
    return this.track(claim.row.id, this.execute(claim, trigger));
  }

  private track(id: string, work: Promise<RotationOutcome>): Promise<RotationOutcome> {
    const p: Promise<RotationOutcome> = work.finally(() => {
      if (this.inFlight.get(id) === p) this.inFlight.delete(id);
    });
    this.inFlight.set(id, p);
    return p;
  }

  /** Waits for every rotation under way in this process (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Ids a sweep should try to claim now. */
  async dueIds(): Promise<string[]> {
    const now = this.now();
    const rows = await this.db
      .selectFrom('vault_credentials')
      .select('id')
      .where('kind', '=', 'dynamic')
      .where((eb) => this.claimable(eb, now))
      .orderBy('updated_at')
      .limit(100)
      .execute();
    return rows.map((r) => r.id);
  }

  private claimable(eb: ExpressionBuilder<Database, 'vault_credentials'>, now: number) {
    return eb.or([
      eb('rotation_state', '=', 'due'),
      eb.and([eb('rotation_state', '=', 'failed'), eb('next_retry_at', '<=', now)]),
      eb.and([eb('rotation_state', '=', 'pending'), eb('claim_until', '<=', now)]),
      eb.and([
        eb('rotation_state', '=', 'ok'),
        eb('lease_id', 'is', null),
        eb('rotated_at', '<=', now - this.policy.unusedMs),
      ]),
    ]);
  }

  private async claimAndRun(id: string, trigger: string): Promise<RotationOutcome> {
    if (!this.cipher) return 'not_claimed'; // no key: nothing can be opened or sealed; the routes say so
    const now = this.now();
    const claimUntil = now + this.policy.claimMs;
    const row = await this.db
      .updateTable('vault_credentials')
      .set({ rotation_state: 'pending', claim_until: claimUntil, updated_at: now })
      .where('id', '=', id)
      .where('kind', '=', 'dynamic')
      .where((eb) => this.claimable(eb, now))
      .returningAll()
      .executeTakeFirst();
    if (!row) return 'not_claimed';
    return this.execute({ row, claimUntil }, trigger);
  }

  private async execute(claim: ClaimedRotation, trigger: string): Promise<RotationOutcome> {
    const { row, claimUntil } = claim;
    try {
      await this.run(row, this.cipher!, claimUntil, claim.next);
    } catch (e) {
      await this.fail(row, claimUntil, e);
      return 'failed';
    }
    await this.commit(row, claimUntil, trigger);
    return 'rotated';
  }

  /** `fresh`: the new secret already sealed into `pending_secret` by this claim's own transaction. */
  private async run(row: Row, cipher: VaultCipher, claimUntil: number, fresh?: string): Promise<void> {
    const driver = this.drivers.get(row.driver);
    if (!driver) throw new RotationError(`this server has no "${row.driver}" rotation driver configured`);
    if (!row.secret) throw new RotationError('the account has no stored password to start from');
    const target = targetOf(row);
    const current = cipher.open(row.secret, credentialAad(row.id, row.version));
    if (fresh !== undefined) return driver.setPassword(target, current, fresh);
    const nextAad = credentialAad(row.id, row.version + 1);
    if (row.pending_secret) {
      // Left by a crash or a failed attempt: which secret does the target have?
      const next = cipher.open(row.pending_secret, nextAad);
      if (await driver.verify(target, next)) return;
      if (!(await driver.verify(target, current)))
        throw new RotationError('neither the stored nor the pending password works on the target any more');
      await driver.setPassword(target, current, next); // the same pending secret again: idempotent
      return;
    }
    const next = generatePassword();
    // Phase 1: the new secret is stored (sealed) before the target changes.
    await this.db
      .updateTable('vault_credentials')
      .set({ pending_secret: cipher.seal(next, nextAad) })
      .where('id', '=', row.id)
      .where('claim_until', '=', claimUntil)
      .execute();
    await driver.setPassword(target, current, next);
  }

  /** Phase 2: the pending secret becomes the secret (only while this claim still holds). */
  private async commit(row: Row, claimUntil: number, trigger: string): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('vault_credentials')
        .set((eb) => ({
          secret: eb.ref('pending_secret'),
          version: row.version + 1,
          pending_secret: null,
          rotation_state: 'ok',
          rotation_at: now,
          rotated_at: now,
          rotation_reason: null,
          rotation_attempts: 0,
          next_retry_at: null,
          claim_until: null,
          updated_at: now,
        }))
        .where('id', '=', row.id)
        .where('claim_until', '=', claimUntil)
        .where('pending_secret', 'is not', null)
        .returning(META_COLUMNS)
        .executeTakeFirst();
      if (!res) return; // the claim ran out and another process took over
      await publishCredential(trx, row.id, now, { row: res });
      await this.audit.append(
        {
          type: 'credential.rotated',
          actor: 'system',
          subject: row.id,
          data: { siteId: row.site_id, version: row.version + 1, driver: row.driver, trigger },
        },
        trx,
      );
    });
  }

  private async fail(row: Row, claimUntil: number, error: unknown): Promise<void> {
    const now = this.now();
    const attempt = row.rotation_attempts + 1;
    const reason = plainReason(error);
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('vault_credentials')
        .set({
          rotation_state: 'failed',
          rotation_at: now,
          rotation_reason: reason,
          rotation_attempts: attempt,
          next_retry_at: now + this.policy.backoffMs(attempt),
          claim_until: null,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .where('claim_until', '=', claimUntil)
        .returning(META_COLUMNS)
        .executeTakeFirst();
      if (!res) return;
      await publishCredential(trx, row.id, now, { row: res });
      await this.audit.append(
        {
          type: 'credential.rotation_failed',
          actor: 'system',
          subject: row.id,
          data: { siteId: row.site_id, driver: row.driver, reason, attempt },
        },
        trx,
      );
    });
  }
}

function targetOf(row: Row): RotationTarget {
  const meta = JSON.parse(row.meta) as StoredMeta;
  return {
    credentialId: row.id,
    siteId: row.site_id,
    username: meta.username,
    accountType: meta.accountType,
    ...(meta.domain ? { domain: meta.domain } : {}),
  };
}

/**
 * What the NOC and supervisors see: a RotationError's own words (drivers promise no secret in them);
 * any other error only by its kind, since its message is not ours to vouch for.
 */
function plainReason(error: unknown): string {
  if (error instanceof RotationError) return error.message.slice(0, 300);
  const name = error instanceof Error ? error.name : 'error';
  const code = (error as { code?: unknown } | null)?.code;
  return `the rotation driver failed (${name}${typeof code === 'string' ? ` ${code}` : ''}); see the server log`;
}
