/**
 * Help-desk accounts (table `users`): email (lower-case, unique), name, role and a scrypt hash.
 * Passwords pass through `create` only to be hashed; they are never stored or logged.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, UserInfo } from '../../shared/api/index.js';
import { AppError } from '../../shared/api/index.js';
import type { Database, UsersTable } from '../db/schema.js';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, type ScryptParams } from './password.js';
import { newId } from './tokens.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export class UserStore {
  private dummy: Promise<string> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  /** `oneTimePassword`: an administrator chose the password, so the person must choose their own at first sign-in. */
  async create(user: NewUser, options: { oneTimePassword?: boolean } = {}): Promise<UserInfo> {
    const email = user.email.trim().toLowerCase();
    if (await this.findByEmail(email)) {
      throw new AppError('conflict', `An account for ${email} already exists. Use another email address.`, 'email');
    }
    const row: UsersTable = {
      id: newId('usr'),
      email,
      name: user.name,
      role: user.role,
      password_hash: await hashPassword(user.password, this.scrypt),
      created_at: this.now(),
      ...(options.oneTimePassword ? { password_change_required_at: this.now() } : {}),
    };
    await this.db.insertInto('users').values(row).execute();
    return toUserInfo(row);
  }

  /**
   * After a successful sign-in: re-hashes the (just verified) password with the current parameters
   * when the stored hash is weaker, so old accounts reach the current cost without a reset.
   * Only replaces the exact hash that was verified, so a concurrent password change wins.
   */
  async upgradeHash(user: Pick<UsersTable, 'id' | 'password_hash'>, password: string): Promise<boolean> {
    if (!needsRehash(user.password_hash, this.scrypt)) return false;
    const password_hash = await hashPassword(password, this.scrypt);
    const result = await this.db
      .updateTable('users')
      .set({ password_hash })
      .where('id', '=', user.id)
      .where('password_hash', '=', user.password_hash)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A hash of a random password at the current cost: verified against for unknown accounts, so both paths cost the same. */
  dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(randomBytes(16).toString('base64'), this.scrypt);
    return this.dummy;
  }

  findByEmail(email: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  findById(id: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/** Whether an administrator disabled the account (`disabled_at` is a bigint, a string on PostgreSQL). */
export function isDisabled(row: Pick<UsersTable, 'disabled_at'>): boolean {
  return row.disabled_at !== null && row.disabled_at !== undefined;
}

export function toUserInfo(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'role'>): UserInfo {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
