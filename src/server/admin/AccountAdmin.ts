/**
 * Account administration (table `users`): list with TOTP status, create, change name/role/password,
 * disable/enable, reset TOTP. A password set here (invitation or reset) is a one-time password: it
 * opens only the "choose your own password" step at sign-in, for 72 hours (auth/PasswordChange.ts). A new password or role, or disabling, ends the account's sessions on
 * every device, so the change applies at once. The last enabled administrator can be neither demoted
 * nor disabled. Each change is recorded in the audit chain; passwords are never recorded.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError, type Role, type UserInfo } from '../../shared/api/index.js';
import type { AccountSummary } from '../../shared/auth/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { hashPassword, type ScryptParams } from '../auth/password.js';
import { isDisabled, toUserInfo, type NewUser, type UserStore } from '../auth/UserStore.js';
import { isPostgres } from '../db/dialect.js';
import { retryTransient } from '../db/retryTransient.js';
import type { Database } from '../db/schema.js';
import type { MfaService } from '../mfa/MfaService.js';
import { PLATFORM_AUDIT_EVENT } from './platformAuditEvents.js';

export interface AccountChange {
  name?: string;
  role?: Role;
  password?: string;
  disabled?: boolean;
}

type UserSet = {
  name?: string;
  role?: Role;
  password_hash?: string;
  password_change_required_at?: number;
  disabled_at?: number | null;
};

export class AccountAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserStore,
    private readonly mfa: MfaService,
    private readonly audit: AuditSink,
    private readonly scrypt: ScryptParams,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<AccountSummary[]> {
    const rows = await this.db
      .selectFrom('users as u')
      .leftJoin('totp_credentials as t', 't.user_id', 'u.id')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.created_at', 'u.disabled_at', 't.confirmed_at'])
      .select((eb) =>
        eb
          .selectFrom('devices as d')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('d.user_id', '=', 'u.id')
          .where('d.revoked_at', 'is', null)
          .as('active_devices'),
      )
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({
      ...toUserInfo(r),
      disabled: isDisabled(r),
      createdAt: new Date(Number(r.created_at)).toISOString(),
      totpEnabled: r.confirmed_at !== null && r.confirmed_at !== undefined,
      activeDevices: Number(r.active_devices ?? 0),
    }));
  }

  async create(input: NewUser, actor: string): Promise<UserInfo> {
    // The administrator knows this password: it only opens "choose your own", for 72 hours.
    const user = await this.users.create(input, { oneTimePassword: true });
    await this.audit.append({
      type: PLATFORM_AUDIT_EVENT.accountCreated,
      actor,
      subject: user.id,
      data: { email: user.email, role: user.role },
    });
    return user;
  }

  async change(id: string, change: AccountChange, actor: string): Promise<UserInfo> {
    const user = await this.users.findById(id);
    if (!user) throw new AppError('not_found', `There is no account "${id}". Refresh the account list.`, 'id');
    const set: UserSet = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.role !== undefined) set.role = change.role;
    if (change.password !== undefined) {
      set.password_hash = await hashPassword(change.password, this.scrypt);
      set.password_change_required_at = this.now(); // a reset is a one-time password, like an invitation
    }
    // Disabling an account already disabled keeps the time it was first disabled.
    if (change.disabled !== undefined) set.disabled_at = change.disabled ? (user.disabled_at ?? this.now()) : null;
    if (Object.keys(set).length === 0) return toUserInfo(user);
    const endSessions =
      set.password_hash !== undefined || (set.role !== undefined && set.role !== user.role) || change.disabled === true;
    // PostgreSQL may end one of several concurrent account changes with a deadlock or serialization
    // failure (the sessions and devices a change deletes are also touched by sign-ins); its docs say
    // to retry such a transaction, which is all-or-nothing, so it is retried a few times here.
    await retryTransient(() =>
      this.db.transaction().execute(async (trx) => {
        if ((set.role !== undefined && set.role !== 'admin') || change.disabled === true)
          await this.keepOneAdmin(trx, id, change.disabled === true ? 'disabled' : 'role');
        await trx.updateTable('users').set(set).where('id', '=', id).execute();
        if (endSessions) {
          await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
          await trx.deleteFrom('devices').where('user_id', '=', id).where('revoked_at', 'is', null).execute();
        }
        // A "choose your own password" step begun with the previous one-time password ends too.
        if (set.password_hash !== undefined)
          await trx.deleteFrom('password_change_tokens').where('user_id', '=', id).execute();
        await this.audit.append(
          {
            type: PLATFORM_AUDIT_EVENT.accountChanged,
            actor,
            subject: id,
            data: {
              fields: Object.keys(change).sort(),
              role: set.role ?? user.role,
              ...(change.disabled !== undefined && { disabled: change.disabled }),
              sessionsEnded: endSessions,
            },
          },
          trx,
        );
      }),
    );
    const updated = { ...user, ...set };
    return { ...toUserInfo(updated), disabled: isDisabled(updated) };
  }

  /**
   * Refuses a change that would take `id` out of the enabled administrators when it is the last one.
   * Reads (and on PostgreSQL locks) the enabled administrator rows inside the change's transaction, so
   * two admins demoting or disabling each other at once cannot both pass the count: the second waits
   * for the first and then sees its change (SQLite runs one write transaction at a time anyway).
   */
  private async keepOneAdmin(trx: Transaction<Database>, id: string, field: 'role' | 'disabled'): Promise<void> {
    // Ordered, so every transaction locks the rows in the same order: no deadlock among concurrent changes.
    let admins = trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .orderBy('id');
    if (isPostgres(trx)) admins = admins.forUpdate();
    const ids = (await admins.execute()).map((r) => r.id);
    if (!ids.includes(id) || ids.length > 1) return;
    throw new AppError(
      'conflict',
      field === 'role'
        ? 'role: this is the last administrator. Give another account the administrator role first.'
        : 'disabled: this is the last enabled administrator. Give another account the administrator role (or enable one) first.',
      field,
    );
  }

  /** Turns the account's TOTP off; resolves with the account when it was on (undefined: nothing to turn off). */
  async resetTotp(id: string, actor: string): Promise<UserInfo | undefined> {
    const user = await this.users.findById(id);
    if (!user) throw new AppError('not_found', `There is no account "${id}". Refresh the account list.`, 'id');
    return (await this.mfa.reset(id, actor)) ? toUserInfo(user) : undefined;
  }
}
