/**
 * Check-out and check-in (table `vault_leases`). A dynamic account is exclusive: the check-out is
 * ONE conditional update (`lease_id is null and rotation_state = 'ok'`) inside the transaction that
 * records the lease, so of many concurrent check-outs — on one process or several on PostgreSQL —
 * exactly one wins. Ending a lease (check-in, window over, forced, holder's device revoked) is also
 * one conditional update (`ended_at is null`), so it happens once and marks the account `due` for
 * rotation once. Static accounts: any number of concurrent leases, each audited.
 * SECRET: `checkout` opens the sealed secret and returns it; it is never logged or audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, type CheckinResult, type CheckoutGranted, type CheckoutRequest } from '../../shared/api/index.js';
import { hasPermission } from '../../shared/auth/index.js';
import type { ApprovalStore } from '../approvals/ApprovalStore.js';
import type { AuditSink } from '../audit/AuditLog.js';
import type { Principal } from '../auth/AuthService.js';
import type { Database, VaultLeasesTable } from '../db/schema.js';
import { leaseState, META_COLUMNS, publishCredential, type MetaRow, type StoredMeta } from './credentialFeed.js';
import type { ClaimedRotation } from './RotationService.js';
import { credentialAad, requireCipher, type VaultCipher } from './vaultCipher.js';
import type { VaultSettings } from './VaultSettings.js';

/** Approval outcomes that let the work proceed (APPROVALS.md §4). */
const PROCEED_STATES = new Set(['completed', 'approved']);

export type LeaseEndReason = 'checked_in' | 'expired' | 'forced' | 'device_revoked';

const END_EVENT: Record<LeaseEndReason, string> = {
  checked_in: 'credential.checked_in',
  expired: 'credential.expired',
  forced: 'credential.force_checked_in',
  device_revoked: 'credential.expired',
};

export interface LeaseServiceDeps {
  db: Kysely<Database>;
  audit: AuditSink;
  approvals: ApprovalStore;
  settings: VaultSettings;
  cipher: VaultCipher | null;
  now: () => number;
  /** Inside the transaction ending a dynamic lease: clears it and claims the rotation (RotationService.claimOnLeaseEnd). */
  claimRotation: (
    trx: Kysely<Database>,
    credentialId: string,
    leaseId: string,
    at: number,
  ) => Promise<{ row: MetaRow; claim: ClaimedRotation | null } | null>;
  /** Called after a dynamic lease ended (outside its transaction): the claimed rotation runs now. */
  onLeaseEnded: (credentialId: string, claim: ClaimedRotation | null) => void;
}

export class LeaseService {
  constructor(private readonly deps: LeaseServiceDeps) {}

  async checkout(credentialId: string, body: CheckoutRequest, principal: Principal): Promise<CheckoutGranted> {
    const { db, audit, settings, now } = this.deps;
    const cipher = requireCipher(this.deps.cipher);
    const policy = await settings.get();
    if (!policy.ticketPattern.test(body.ticket))
      throw new AppError(
        'bad_request',
        `ticket: "${body.ticket}" is not a ticket number in this workspace's format${policy.ticketPatternText ? ` (${policy.ticketPatternText})` : ' (1–32 letters, digits, -, # or /)'}. Enter the ticket you are working on.`,
        'ticket',
      );
    const row = await db
      .selectFrom('vault_credentials')
      .select(['id', 'site_id', 'meta', 'kind'])
      .where('id', '=', credentialId)
      .executeTakeFirst();
    const meta = row ? (JSON.parse(row.meta) as StoredMeta) : undefined;
    if (!row || !meta?.backOfficeAccess)
      throw new AppError('not_found', `There is no back-office account "${credentialId}". Reload the site's list.`);
    await this.checkApproval(body.approvalId, row.site_id);
    const wrongSite = body.callerSiteId !== undefined && body.callerSiteId !== row.site_id;
    if (wrongSite && body.wrongSiteConfirmed !== true)
      throw new AppError(
        'wrong_site',
        `callerSiteId: this account belongs to another site than the caller's (${body.callerSiteId}). Confirm that you mean it (wrongSiteConfirmed: true) — it is flagged in the audit.`,
        'callerSiteId',
      );

    const at = now();
    const lease: VaultLeasesTable = {
      id: randomUUID(),
      credential_id: credentialId,
      user_id: principal.user.id,
      device_id: principal.deviceId,
      kind: row.kind,
      reason: body.reason,
      ticket: body.ticket,
      approval_id: body.approvalId ?? null,
      wrong_site: wrongSite ? 1 : 0,
      created_at: at,
      expires_at: at + policy.loginWindowMs,
      ended_at: null,
      end_reason: null,
    };
    const auditData = {
      siteId: row.site_id,
      leaseId: lease.id,
      kind: row.kind,
      reason: body.reason,
      ticket: body.ticket,
      approvalId: body.approvalId ?? null,
      callerSiteId: body.callerSiteId ?? null,
      wrongSite,
    };
    let sealed: { secret: string | null; version: number };
    try {
      sealed = await db.transaction().execute(async (trx) => {
        // The winning update returns the sealed secret and the feed's columns: nothing is read again.
        let won;
        if (row.kind === 'dynamic') {
          won = await trx
            .updateTable('vault_credentials')
            .set({ lease_id: lease.id, last_used_at: at, updated_at: at })
            .where('id', '=', credentialId)
            .where('lease_id', 'is', null)
            .where('rotation_state', '=', 'ok')
            .returning([...META_COLUMNS, 'secret', 'version'])
            .executeTakeFirst();
          if (!won) throw await this.refusal(trx, credentialId);
        } else {
          won = await trx
            .updateTable('vault_credentials')
            .set({ last_used_at: at })
            .where('id', '=', credentialId)
            .returning([...META_COLUMNS, 'secret', 'version'])
            .executeTakeFirst();
          if (!won)
            throw new AppError(
              'not_found',
              `There is no back-office account "${credentialId}". Reload the site's list.`,
            );
        }
        await trx.insertInto('vault_leases').values(lease).execute();
        if (row.kind === 'dynamic') {
          const held = {
            heldBy: principal.user.name,
            heldById: principal.user.id,
            until: new Date(lease.expires_at).toISOString(),
          };
          await publishCredential(trx, credentialId, at, { row: won, lease: held });
        }
        await audit.append(
          { type: 'credential.checked_out', actor: principal.user.id, subject: credentialId, data: auditData },
          trx,
        );
        return won;
      });
    } catch (e) {
      if (e instanceof AppError && e.code !== 'not_found')
        await audit.append({
          type: 'credential.checkout_refused',
          actor: principal.user.id,
          subject: credentialId,
          data: { ...auditData, refused: e.code },
        });
      throw e;
    }
    if (!sealed.secret)
      throw new AppError('conflict', 'This account has no password stored yet. Ask an administrator.');
    return {
      leaseId: lease.id,
      credentialId,
      username: meta.username,
      ...(meta.domain ? { domain: meta.domain } : {}),
      secret: cipher.open(sealed.secret, credentialAad(credentialId, sealed.version)),
      kind: row.kind,
      expiresAt: new Date(lease.expires_at).toISOString(),
    };
  }

  /** The holder ends their lease; supervisors may end anyone's. Checking in an ended lease changes nothing. */
  async checkin(leaseId: string, principal: Principal): Promise<CheckinResult> {
    const lease = await this.ownLease(leaseId, principal, 'credentials.force_checkin');
    await this.end(lease.id, 'checked_in', principal.user.id);
    return {
      leaseId,
      credentialId: lease.credential_id,
      rotation: lease.kind === 'dynamic' ? 'pending' : 'not_needed',
    };
  }

  /** Supervisor: ends the open lease(s) of an account now. */
  async forceCheckin(credentialId: string, principal: Principal): Promise<{ ended: number }> {
    const open = await this.deps.db
      .selectFrom('vault_leases')
      .select('id')
      .where('credential_id', '=', credentialId)
      .where('ended_at', 'is', null)
      .execute();
    if (open.length === 0)
      throw new AppError('not_checked_out', 'Nobody has this account checked out; there is nothing to check in.');
    let ended = 0;
    for (const l of open) if (await this.end(l.id, 'forced', principal.user.id)) ended++;
    return { ended };
  }

  /** Reveal, copy and read-back of a lease the caller holds: audited, never the secret. */
  async recordEvent(leaseId: string, event: 'reveal' | 'copy' | 'read_back', principal: Principal): Promise<void> {
    const lease = await this.ownLease(leaseId, principal, null);
    if (lease.ended_at !== null)
      throw new AppError('lease_ended', 'This lease has ended; the password was rotated. Check the account out again.');
    const type = { reveal: 'credential.revealed', copy: 'credential.copied', read_back: 'credential.read_back' }[event];
    await this.deps.audit.append({
      type,
      actor: principal.user.id,
      subject: lease.credential_id,
      data: { leaseId, kind: lease.kind },
    });
  }

  /**
   * Ends an open lease once (false when it had already ended): a dynamic account's rotation is
   * claimed, its new secret stored as pending, in the same transaction; the target is changed right
   * after the commit, off the request (the check-in answers `rotation: pending`).
   */
  async end(leaseId: string, reason: LeaseEndReason, actor: string): Promise<boolean> {
    const { db, audit, now } = this.deps;
    const at = now();
    const ended = await db.transaction().execute(async (trx) => {
      const lease = await trx
        .updateTable('vault_leases')
        .set({ ended_at: at, end_reason: reason })
        .where('id', '=', leaseId)
        .where('ended_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!lease) return null;
      let claim: ClaimedRotation | null = null;
      if (lease.kind === 'dynamic') {
        const account = await this.deps.claimRotation(trx, lease.credential_id, leaseId, at);
        claim = account?.claim ?? null;
        await publishCredential(trx, lease.credential_id, at, account ? { row: account.row, lease: null } : undefined);
      }
      await audit.append(
        {
          type: END_EVENT[reason],
          actor,
          subject: lease.credential_id,
          data: { leaseId, kind: lease.kind, reason, holder: lease.user_id },
        },
        trx,
      );
      return { ...lease, claim };
    });
    if (ended?.kind === 'dynamic') this.deps.onLeaseEnded(ended.credential_id, ended.claim);
    return ended !== null;
  }

  private async ownLease(
    leaseId: string,
    principal: Principal,
    overridePermission: 'credentials.force_checkin' | null,
  ) {
    const lease = await this.deps.db
      .selectFrom('vault_leases')
      .selectAll()
      .where('id', '=', leaseId)
      .executeTakeFirst();
    if (!lease) throw new AppError('not_found', `There is no lease "${leaseId}". It may have ended; check out again.`);
    const mayOverride = overridePermission !== null && hasPermission(principal.user.role, overridePermission);
    if (lease.user_id !== principal.user.id && !mayOverride)
      throw new AppError('forbidden', 'This lease is held by someone else; only they or a supervisor can end it.');
    return lease;
  }

  private async checkApproval(approvalId: string | undefined, siteId: string): Promise<void> {
    if (approvalId === undefined) return;
    const record = await this.deps.approvals.get(approvalId);
    if (!record)
      throw new AppError(
        'bad_request',
        `approvalId: no approval record "${approvalId}" is on the server. Sync, or leave the approval out.`,
        'approvalId',
      );
    if (record.siteId !== siteId)
      throw new AppError(
        'bad_request',
        "approvalId: that approval is of another site. Link an approval of this account's site.",
        'approvalId',
      );
    if (!PROCEED_STATES.has(record.finalState))
      throw new AppError(
        'bad_request',
        `approvalId: that approval ended "${record.finalState}", not in an approval to proceed. Link an approved request.`,
        'approvalId',
      );
  }

  /** Why a dynamic check-out lost: held (naming holder and until), rotating, or rotation failed. */
  private async refusal(trx: Kysely<Database>, credentialId: string): Promise<AppError> {
    const row = await trx
      .selectFrom('vault_credentials')
      .select(['lease_id', 'rotation_state', 'rotation_reason'])
      .where('id', '=', credentialId)
      .executeTakeFirstOrThrow();
    const lease = await leaseState(trx, row.lease_id);
    if (lease)
      return new AppError(
        'checked_out',
        `${lease.heldBy} has this account checked out until ${lease.until}. Wait for the check-in, or ask a supervisor to force one.`,
      );
    if (row.rotation_state === 'failed')
      return new AppError(
        'rotation_failed',
        `The last password rotation failed (${row.rotation_reason ?? 'no reason recorded'}); it is retried automatically. Tell a supervisor if it persists.`,
      );
    return new AppError(
      'rotation_pending',
      'The password is being rotated after the last use. Try again in a few seconds.',
    );
  }
}
