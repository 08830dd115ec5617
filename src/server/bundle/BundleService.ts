/**
 * Directory bundles (src/shared/bundle): `export` writes the whole directory deterministically;
 * `import` validates the whole bundle first (schema and links, every failure with its path), then
 * makes the directory equal to it in ONE transaction — adds, updates and deletes, with one audit
 * event — or changes nothing at all. Records whose content is unchanged are not written, so
 * importing the same bundle twice leaves the sync sequence where it was.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  BUNDLE_FORMAT,
  BUNDLE_LISTS,
  BUNDLE_VERSION,
  checkBundle,
  type BundleFailure,
  type BundleList,
  type DirectoryBundle,
} from '../../shared/bundle/index.js';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import { sha256Hex } from '../../shared/chain/hashChain.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import type { Database } from '../db/schema.js';
import { applyCredentialWrites, currentCredentialEntries, diffCredentials } from '../vault/bundleCredentials.js';
import {
  DIRECTORY_SCHEMAS,
  recordKey,
  type BatchWrite,
  type DirectoryKind,
  type DirectoryStore,
} from '../directory/DirectoryStore.js';

const KIND: Record<BundleList, DirectoryKind> = {
  sites: 'site',
  profiles: 'profile',
  references: 'reference',
  policies: 'policy',
};
/** Deletes go dependants-first, upserts sites-first, so a client applying the feed in order never sees a dangling link. */
const DELETE_ORDER: BundleList[] = ['policies', 'references', 'profiles', 'sites'];

export interface ImportCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
}

export interface ImportReport extends ImportCounts {
  applied: boolean;
  failures: BundleFailure[];
  /** Sync seq before and after (equal when nothing changed). */
  seqBefore: number;
  seqAfter: number;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class BundleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    private readonly audit: AuditSink,
  ) {}

  /** The directory as bundle text: byte-identical for equal directories. */
  async exportText(): Promise<string> {
    const bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION } as DirectoryBundle;
    for (const list of BUNDLE_LISTS) {
      const records = await this.current(KIND[list]);
      (bundle as Record<BundleList, unknown[]>)[list] = [...records.entries()]
        .sort(([a], [b]) => byCodeUnit(a, b))
        .map(([, r]) => r);
    }
    // Vault accounts' metadata only (never a secret); the list is left out when there are none.
    const credentials = await currentCredentialEntries(this.db);
    if (credentials.size > 0)
      bundle.credentials = [...credentials.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, c]) => c);
    return `${JSON.stringify(bundle, null, 2)}\n`;
  }

  /** Validates `input` (parsed JSON) and, unless `dryRun`, applies it. Never applies part of a bundle. */
  async importBundle(input: unknown, options: { actor: string; dryRun?: boolean }): Promise<ImportReport> {
    const seqBefore = await this.directory.latestSeq();
    const check = checkBundle(input);
    if (!check.ok) {
      return {
        applied: false,
        added: 0,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        failed: check.failedRecords,
        failures: check.failures,
        seqBefore,
        seqAfter: seqBefore,
      };
    }
    const counts: ImportCounts = { added: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 };
    const upserts: BatchWrite[] = [];
    const deletes: BatchWrite[] = [];
    for (const list of BUNDLE_LISTS) {
      const kind = KIND[list];
      const existing = await this.current(kind);
      const records = [...(check.bundle[list] as object[])]
        .map((r) => ({ record: r, key: recordKey(kind, r) }))
        .sort((a, b) => byCodeUnit(a.key.id, b.key.id));
      for (const { record, key } of records) {
        const before = existing.get(key.id);
        existing.delete(key.id);
        if (before && canonicalJson(before) === canonicalJson(record)) {
          counts.unchanged++;
          continue;
        }
        counts[before ? 'updated' : 'added']++;
        upserts.push({ op: 'upsert', kind, id: key.id, siteId: key.siteId, data: JSON.stringify(record) });
      }
      for (const id of [...existing.keys()].sort(byCodeUnit)) deletes.push({ op: 'delete', kind, id });
      counts.deleted += existing.size;
    }
    deletes.sort((a, b) => DELETE_ORDER.indexOf(listOf(a.kind)) - DELETE_ORDER.indexOf(listOf(b.kind)));
    const writes = [...deletes, ...upserts];
    // Vault accounts (metadata only) when the bundle has the list; written after the sites they need.
    const vault = check.bundle.credentials
      ? diffCredentials(await currentCredentialEntries(this.db), check.bundle.credentials)
      : null;
    if (vault) for (const k of ['added', 'updated', 'deleted', 'unchanged'] as const) counts[k] += vault[k];
    const credentialWrites = vault?.writes ?? [];
    if (options.dryRun || writes.length + credentialWrites.length === 0)
      return { applied: false, ...counts, failures: [], seqBefore, seqAfter: seqBefore };

    const bundleHash = await sha256Hex(canonicalJson(check.bundle));
    const also = async (trx: Transaction<Database>) => {
      await applyCredentialWrites(trx, credentialWrites, Date.now());
      await this.audit.append(
        {
          type: PLATFORM_AUDIT_EVENT.directoryImported,
          actor: options.actor,
          subject: 'directory',
          data: { ...counts, bundleHash, seqBefore },
        },
        trx,
      );
    };
    const seqAfter =
      writes.length > 0
        ? await this.directory.applyBatch(writes, also)
        : await this.db
            .transaction()
            .execute(also)
            .then(() => this.directory.latestSeq());
    return { applied: true, ...counts, failures: [], seqBefore, seqAfter: seqAfter ?? seqBefore };
  }

  /** Every stored record of a kind, normalised through its schema, by id. */
  private async current(kind: DirectoryKind): Promise<Map<string, object>> {
    const rows = await this.db
      .selectFrom('directory_records')
      .select(['id', 'data'])
      .where('kind', '=', kind)
      .execute();
    const schema = DIRECTORY_SCHEMAS[kind] as z.ZodType;
    return new Map(rows.map((r) => [r.id, schema.parse(JSON.parse(r.data)) as object]));
  }
}

function listOf(kind: DirectoryKind): BundleList {
  return (Object.keys(KIND) as BundleList[]).find((l) => KIND[l] === kind)!;
}
