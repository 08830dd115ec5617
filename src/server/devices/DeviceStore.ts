/**
 * Registered devices (table `devices`): one row per signed-in installation, made at sign-in and
 * bound to its session. Signing out deletes the device (and, by cascade, its session and tokens).
 * Revoking keeps the row — and the session's token hashes — so the app's next request is answered
 * 401 `device_revoked` and it wipes its cache; the tokens expire as usual (refresh ≤ 30 days).
 */
import type { Kysely } from 'kysely';
import type { DeviceInfo, DeviceRegistration } from '../../shared/auth/index.js';
import { newId } from '../auth/tokens.js';
import type { Database, DevicesTable } from '../db/schema.js';

type DeviceRow = DevicesTable & { user_email: string };

const iso = (ms: number) => new Date(ms).toISOString();

export function toDeviceInfo(row: DeviceRow, currentDeviceId?: string): DeviceInfo {
  return {
    id: row.id,
    userId: row.user_id,
    userEmail: row.user_email,
    name: row.name,
    platform: row.platform,
    createdAt: iso(Number(row.created_at)),
    lastSeenAt: iso(Number(row.last_seen_at)),
    revokedAt: row.revoked_at === null ? null : iso(Number(row.revoked_at)),
    current: row.id === currentDeviceId,
  };
}

export class DeviceStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async register(userId: string, device: DeviceRegistration, trx: Kysely<Database> = this.db): Promise<string> {
    const id = newId('dev');
    const now = this.now();
    await trx
      .insertInto('devices')
      .values({
        id,
        user_id: userId,
        name: device.name,
        platform: device.platform,
        created_at: now,
        last_seen_at: now,
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    return id;
  }

  async touch(deviceId: string): Promise<void> {
    await this.db.updateTable('devices').set({ last_seen_at: this.now() }).where('id', '=', deviceId).execute();
  }

  async find(deviceId: string): Promise<DeviceRow | undefined> {
    return this.select().where('d.id', '=', deviceId).executeTakeFirst();
  }

  /** Newest first; one user's devices, or everyone's when `userId` is undefined. */
  async list(userId?: string): Promise<DeviceRow[]> {
    let q = this.select().orderBy('d.last_seen_at', 'desc').orderBy('d.id');
    if (userId !== undefined) q = q.where('d.user_id', '=', userId);
    return q.execute();
  }

  /** Marks the device revoked (idempotent). False when there is no such device. */
  async revoke(deviceId: string, by: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('devices')
      .select(['id', 'revoked_at'])
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (!row) return false;
    if (row.revoked_at === null)
      await this.db
        .updateTable('devices')
        .set({ revoked_at: this.now(), revoked_by: by })
        .where('id', '=', deviceId)
        .execute();
    return true;
  }

  /** Signing out: the device goes, with its session and tokens. */
  async remove(deviceId: string): Promise<void> {
    await this.db.deleteFrom('devices').where('id', '=', deviceId).execute();
  }

  private select() {
    return this.db
      .selectFrom('devices as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select('u.email as user_email');
  }
}
