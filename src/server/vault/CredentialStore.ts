/**
 * Vault accounts (table `vault_credentials`): metadata as JSON, the secret sealed with the `vault`
 * sub-key under AAD `credential:<id>:v<version>` (vaultCipher.ts). The secret is write-only here:
 * it can be set on create or change, and no method returns it (LeaseService opens it for a lease).
 * Every write republishes the account's sync record (credentialFeed.ts) and is audited without
 * the secret, all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  AppError,
  bareUsername,
  CredentialInput,
  parseOrThrow,
  RotationDriverName,
  type CredentialMeta,
} from '../../shared/api/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { lockKey } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { leaseState, publishCredential, readMeta, toMeta, type StoredMeta } from './credentialFeed.js';
import { checkCredentialRules, duplicateDomainEntry } from './credentialRules.js';
import type { DriverRegistry } from './driverRegistry.js';
import { credentialAad, type VaultCipher } from './vaultCipher.js';

/** PATCH body: any field of CredentialInput except the id, without its defaults (absent = unchanged). */
export const CredentialPatch = CredentialInput.omit({
  id: true,
  description: true,
  remarks: true,
  resources: true,
  driver: true,
})
  .partial()
  .extend({
    description: z.string().max(500).optional(),
    remarks: z.string().max(2000).optional(),
    resources: z.array(z.string().trim().min(1).max(253)).max(200).optional(),
    driver: RotationDriverName.optional(),
  })
  .strict();
export type CredentialPatch = z.infer<typeof CredentialPatch>;

export class CredentialStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    private readonly audit: AuditSink,
    private readonly drivers: DriverRegistry,
    private readonly now: () => number,
  ) {}

  async create(raw: unknown, cipher: VaultCipher, actor: string): Promise<CredentialMeta> {
    const input = parseOrThrow(CredentialInput, raw);
    checkCredentialRules(input, { creating: true });
    await this.checkReferences(input);
    const id = input.id ?? randomUUID();
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, `vault-site:${input.siteId}`); // the duplicate check and the insert, across processes
      if (await trx.selectFrom('vault_credentials').select('id').where('id', '=', id).executeTakeFirst())
        throw new AppError('conflict', `id: an account "${id}" already exists. Leave id out to get a new one.`, 'id');
      await this.checkDuplicate(trx, input, id);
      await trx
        .insertInto('vault_credentials')
        .values({
          id,
          site_id: input.siteId,
          meta: JSON.stringify(storedMeta(input)),
          username_key: bareUsername(input.username),
          kind: input.kind,
          driver: input.driver,
          secret: cipher.seal(input.secret!, credentialAad(id, 1)),
          version: 1,
          pending_secret: null,
          rotation_state: 'ok',
          rotation_at: null,
          rotation_reason: null,
          rotation_attempts: 0,
          next_retry_at: null,
          claim_until: null,
          rotated_at: now,
          last_used_at: null,
          lease_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await publishCredential(trx, id, now);
      await this.audit.append({ type: 'credential.created', actor, subject: id, data: auditData(input) }, trx);
    });
    return (await readMeta(this.db, id))!;
  }

  async update(id: string, raw: unknown, cipher: VaultCipher, actor: string): Promise<CredentialMeta> {
    const patch = parseOrThrow(CredentialPatch, raw);
    const now = this.now();
    const before = await this.db.selectFrom('vault_credentials').select('meta').where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound(id);
    const input: CredentialInput = { ...(JSON.parse(before.meta) as StoredMeta), ...patch };
    checkCredentialRules(input, { creating: false });
    await this.checkReferences(input);
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, `vault-site:${input.siteId}`);
      const row = await trx.selectFrom('vault_credentials').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound(id);
      await this.checkDuplicate(trx, input, id);
      const version = patch.secret ? row.version + 1 : row.version;
      await trx
        .updateTable('vault_credentials')
        .set({
          site_id: input.siteId,
          meta: JSON.stringify(storedMeta(input)),
          username_key: bareUsername(input.username),
          kind: input.kind,
          driver: input.driver,
          updated_at: now,
          ...(patch.secret
            ? { secret: cipher.seal(patch.secret, credentialAad(id, version)), version, pending_secret: null }
            : {}),
          // An admin-set secret is the known-good one: a failed or pending rotation no longer applies.
          ...(patch.secret ? { rotation_state: 'ok' as const, rotation_reason: null, rotated_at: now } : {}),
        })
        .where('id', '=', id)
        .execute();
      await publishCredential(trx, id, now);
      const data = { ...auditData(input), fields: Object.keys(patch).sort(), secretChanged: Boolean(patch.secret) };
      await this.audit.append({ type: 'credential.changed', actor, subject: id, data }, trx);
    });
    return (await readMeta(this.db, id))!;
  }

  /** Deletes the account and ends its open leases (no rotation: the account is no longer managed). */
  async delete(id: string, actor: string): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('vault_credentials').select(['meta']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound(id);
      await trx.deleteFrom('vault_credentials').where('id', '=', id).execute();
      await trx
        .updateTable('vault_leases')
        .set({ ended_at: now, end_reason: 'deleted' })
        .where('credential_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
      await publishCredential(trx, id, now);
      const stored = JSON.parse(row.meta) as StoredMeta;
      await this.audit.append(
        { type: 'credential.deleted', actor, subject: id, data: { siteId: stored.siteId, name: stored.name } },
        trx,
      );
    });
  }

  get(id: string): Promise<CredentialMeta | undefined> {
    return readMeta(this.db, id);
  }

  /** A site's accounts; `backOfficeOnly` for the NOC list (only such accounts exist for the NOC at all). */
  async list(siteId: string | undefined, options: { backOfficeOnly: boolean }): Promise<CredentialMeta[]> {
    let q = this.db
      .selectFrom('vault_credentials')
      .select(['id', 'meta', 'rotation_state', 'rotation_at', 'rotation_reason', 'lease_id'])
      .orderBy('id');
    if (siteId !== undefined) q = q.where('site_id', '=', siteId);
    const out: CredentialMeta[] = [];
    for (const row of await q.execute()) {
      const meta = toMeta(row, await leaseState(this.db, row.lease_id));
      if (!options.backOfficeOnly || meta.backOfficeAccess) out.push(meta);
    }
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private async checkReferences(input: CredentialInput): Promise<void> {
    if (!(await this.directory.get('site', input.siteId)))
      throw new AppError(
        'not_found',
        `siteId: there is no site "${input.siteId}". Create the site first or pick an existing one.`,
        'siteId',
      );
    if (input.kind === 'dynamic' && !this.drivers.has(input.driver))
      throw new AppError(
        'bad_request',
        `driver: this server has no "${input.driver}" rotation driver. Use one of: ${this.drivers.names().join(', ') || 'none configured'}.`,
        'driver',
      );
  }

  private async checkDuplicate(trx: Kysely<Database>, input: CredentialInput, id: string): Promise<void> {
    if (input.accountType !== 'domain') return;
    const others = await trx
      .selectFrom('vault_credentials')
      .select(['id', 'meta'])
      .where('site_id', '=', input.siteId)
      .where('username_key', '=', bareUsername(input.username))
      .where('id', '!=', id)
      .execute();
    for (const other of others) {
      const stored = JSON.parse(other.meta) as StoredMeta;
      if (stored.accountType !== 'domain') continue;
      const shared = duplicateDomainEntry(input, stored);
      if (shared !== null)
        throw new AppError(
          'conflict',
          `username: "${stored.name}" is already a domain entry for ${bareUsername(input.username)}${shared ? ` on ${shared}` : ''}. Change that entry instead of adding a second one.`,
          'username',
        );
    }
  }
}

function storedMeta(input: CredentialInput): StoredMeta {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the secret and id are not metadata
  const { secret, id, ...rest } = input;
  return {
    ...rest,
    description: rest.description ?? '',
    remarks: rest.remarks ?? '',
    resources: rest.resources ?? [],
  };
}

const auditData = (input: CredentialInput) => ({
  siteId: input.siteId,
  name: input.name,
  username: input.username,
  kind: input.kind,
  driver: input.driver,
});

const notFound = (id: string) =>
  new AppError('not_found', `There is no vault account "${id}". Reload the list; it may have been deleted.`);
