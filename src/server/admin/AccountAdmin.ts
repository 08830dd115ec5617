/**
 * Account administration (table `users`): list with TOTP status, create, change name/role/password,
 * reset TOTP. A new password or role ends the account's sessions on every device, so the change
 * applies at once. Each change is recorded in the audit chain; passwords are never recorded.
 */
import type { Kysely } from 'kysely';
import { AppError, type Role, type UserInfo } from '../../shared/api/index.js';
import type { AccountSummary } from '../../shared/auth/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { hashPassword, type ScryptParams } from '../auth/password.js';
import { toUserInfo, type NewUser, type UserStore } from '../auth/UserStore.js';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { MfaService } from '../mfa/MfaService.js';
import { PLATFORM_AUDIT_EVENT } from './platformAuditEvents.js';

export interface AccountChange {
  name?: string;
  role?: Role;
  password?: string;
}

export class AccountAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserStore,
    private readonly mfa: MfaService,
    private readonly audit: AuditSink,
    private readonly scrypt: ScryptParams,
  ) {}

  async list(): Promise<AccountSummary[]> {
    const rows = await this.db
      .selectFrom('users as u')
      .leftJoin('totp_credentials as t', 't.user_id', 'u.id')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.created_at', 't.confirmed_at'])
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
      createdAt: new Date(Number(r.created_at)).toISOString(),
      totpEnabled: r.confirmed_at !== null && r.confirmed_at !== undefined,
      activeDevices: Number(r.active_devices ?? 0),
    }));
  }

  async create(input: NewUser, actor: string): Promise<UserInfo> {
    const user = await this.users.create(input);
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
    const set: { name?: string; role?: Role; password_hash?: string } = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.role !== undefined) set.role = change.role;
    if (change.password !== undefined) set.password_hash = await hashPassword(change.password, this.scrypt);
    if (Object.keys(set).length === 0) return toUserInfo(user);
    const endSessions = set.password_hash !== undefined || (set.role !== undefined && set.role !== user.role);
    await this.db.transaction().execute(async (trx) => {
      if (user.role === 'admin' && set.role !== undefined && set.role !== 'admin') {
        // Locks every administrator row on PostgreSQL, so two admins demoting each other at once
        // cannot both pass the count (SQLite runs one write transaction at a time anyway).
        let admins = trx.selectFrom('users').select('id').where('role', '=', 'admin');
        if (isPostgres(trx)) admins = admins.forUpdate();
        if ((await admins.execute()).length <= 1)
          throw new AppError(
            'conflict',
            'role: this is the last administrator. Give another account the administrator role first.',
            'role',
          );
      }
      await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (endSessions) {
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await trx.deleteFrom('devices').where('user_id', '=', id).where('revoked_at', 'is', null).execute();
      }
      await this.audit.append(
        {
          type: PLATFORM_AUDIT_EVENT.accountChanged,
          actor,
          subject: id,
          data: { fields: Object.keys(change).sort(), role: set.role ?? user.role, sessionsEnded: endSessions },
        },
        trx,
      );
    });
    return toUserInfo({ ...user, ...set });
  }

  async resetTotp(id: string, actor: string): Promise<void> {
    if (!(await this.users.findById(id)))
      throw new AppError('not_found', `There is no account "${id}". Refresh the account list.`, 'id');
    await this.mfa.reset(id, actor);
  }
}
