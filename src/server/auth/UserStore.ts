/**
 * Help-desk accounts (table `users`): email (lower-case, unique), name, role and a scrypt hash.
 * Passwords pass through `create` only to be hashed; they are never stored or logged.
 */
import type { Kysely } from 'kysely';
import type { Role, UserInfo } from '../../shared/api/index.js';
import { AppError } from '../../shared/api/index.js';
import type { Database, UsersTable } from '../db/schema.js';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './password.js';
import { newId } from './tokens.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export class UserStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  async create(user: NewUser): Promise<UserInfo> {
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
    };
    await this.db.insertInto('users').values(row).execute();
    return toUserInfo(row);
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

export function toUserInfo(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'role'>): UserInfo {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
