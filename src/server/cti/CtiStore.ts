/**
 * The CTI tables (migration 0008_cti): integrations with hashed tokens, technicians' extensions and
 * the call log. The call log keeps every call until an administrator deletes its integration (the
 * rows cascade); it holds phone numbers and who answered, nothing secret.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CallIdentification, CallView, CtiIntegration } from '../../shared/api/cti.js';
import { hashToken, newId } from '../auth/tokens.js';
import type { Database } from '../db/schema.js';
import type { CtiCallsTable, CtiIntegrationsTable } from './ctiTables.js';

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toIntegration(row: CtiIntegrationsTable): CtiIntegration {
  return {
    id: row.id,
    name: row.name,
    createdAt: iso(row.created_at)!,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function toCallView(row: CtiCallsTable): CallView {
  const answeredAt = row.answered_at === null ? null : Number(row.answered_at);
  const endedAt = row.ended_at === null ? null : Number(row.ended_at);
  return {
    id: row.id,
    callId: row.call_id,
    direction: row.direction,
    from: row.from_number,
    to: row.to_number,
    state: row.state,
    users: JSON.parse(row.users) as string[],
    answeredBy: row.answered_by,
    startedAt: iso(row.started_at)!,
    answeredAt: iso(answeredAt),
    endedAt: iso(endedAt),
    durationSeconds: answeredAt !== null && endedAt !== null ? Math.round((endedAt - answeredAt) / 1000) : null,
    identification: JSON.parse(row.identification) as CallIdentification,
  };
}

/** Integration tokens: `csi_` + 32 random bytes (base64url), so secret scanners recognise them. */
export function newIntegrationToken(): string {
  return 'csi_' + randomBytes(32).toString('base64url');
}

export class CtiStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async createIntegration(name: string, by: string): Promise<{ integration: CtiIntegrationsTable; token: string }> {
    const token = newIntegrationToken();
    const row: CtiIntegrationsTable = {
      id: newId('cti'),
      name,
      token_hash: hashToken(token),
      created_at: this.now(),
      created_by: by,
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('cti_integrations').values(row).execute();
    return { integration: row, token };
  }

  async listIntegrations(): Promise<CtiIntegrationsTable[]> {
    return this.db.selectFrom('cti_integrations').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  }

  /** The live integration holding this token, or undefined (unknown or revoked). */
  async integrationByToken(token: string): Promise<CtiIntegrationsTable | undefined> {
    return this.db
      .selectFrom('cti_integrations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async touchIntegration(id: string): Promise<void> {
    await this.db.updateTable('cti_integrations').set({ last_used_at: this.now() }).where('id', '=', id).execute();
  }

  /** Revokes (idempotent); undefined when there is no such integration. */
  async revokeIntegration(id: string): Promise<CtiIntegrationsTable | undefined> {
    const row = await this.db.selectFrom('cti_integrations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.revoked_at !== null) return row;
    const revoked_at = this.now();
    await this.db.updateTable('cti_integrations').set({ revoked_at }).where('id', '=', id).execute();
    return { ...row, revoked_at };
  }

  async setExtension(userId: string, extension: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('cti_extensions').where('user_id', '=', userId).execute();
      if (extension !== null)
        await trx.insertInto('cti_extensions').values({ user_id: userId, extension, updated_at: this.now() }).execute();
    });
  }

  async listExtensions(): Promise<Array<{ userId: string; email: string; extension: string }>> {
    return this.db
      .selectFrom('cti_extensions as x')
      .innerJoin('users as u', 'u.id', 'x.user_id')
      .select(['x.user_id as userId', 'u.email as email', 'x.extension as extension'])
      .orderBy('x.extension')
      .execute();
  }

  async findCall(integrationId: string, callId: string): Promise<CtiCallsTable | undefined> {
    return this.db
      .selectFrom('cti_calls')
      .selectAll()
      .where('integration_id', '=', integrationId)
      .where('call_id', '=', callId)
      .executeTakeFirst();
  }

  async getCall(id: string): Promise<CtiCallsTable | undefined> {
    return this.db.selectFrom('cti_calls').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertCall(row: CtiCallsTable): Promise<void> {
    await this.db.insertInto('cti_calls').values(row).execute();
  }

  async updateCall(id: string, patch: Partial<Omit<CtiCallsTable, 'id'>>): Promise<void> {
    await this.db.updateTable('cti_calls').set(patch).where('id', '=', id).execute();
  }

  async recentCalls(limit: number): Promise<CtiCallsTable[]> {
    return this.db
      .selectFrom('cti_calls')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
