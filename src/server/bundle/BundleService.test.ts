import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/AuditLog.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { demoPolicies } from '../demo/demoPolicies.js';
import { generateDirectory } from '../demo/generate.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { BundleService } from './BundleService.js';

const open: ServerDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

async function server(seed?: number) {
  const database = await openDatabase(':memory:');
  open.push(database);
  if (seed !== undefined) {
    const directory = generateDirectory({ sites: 12, profiles: 150, references: 20, seed });
    bulkLoadDirectory(database.sqlite, { ...directory, policies: demoPolicies(directory, seed) }, 1_700_000_000_000);
  }
  const directory = new DirectoryStore(database.db, Date.now);
  const audit = new AuditLog(database.db, Date.now);
  return { database, directory, audit, bundles: new BundleService(database.db, directory, audit) };
}

describe('BundleService', () => {
  it('export → import into an empty server → export is byte-identical', async () => {
    const a = await server(7);
    const text = await a.bundles.exportText();
    const parsed = JSON.parse(text);
    expect(parsed.sites.length).toBeGreaterThan(12);
    expect(parsed.policies.length).toBeGreaterThan(0);
    expect(parsed.profiles.map((p: { id: string }) => p.id)).toEqual(
      [...parsed.profiles.map((p: { id: string }) => p.id)].sort(),
    );
    const b = await server();
    const report = await b.bundles.importBundle(parsed, { actor: 'test' });
    expect(report).toMatchObject({
      applied: true,
      added: parsed.sites.length + parsed.profiles.length + parsed.references.length + parsed.policies.length,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      failed: 0,
    });
    expect(await b.bundles.exportText()).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('re-importing the same bundle changes nothing: no write, no seq bump, no audit event', async () => {
    const a = await server(3);
    const bundle = JSON.parse(await a.bundles.exportText());
    const before = await a.directory.latestSeq();
    const auditBefore = (await a.audit.head())?.seq ?? 0;
    const report = await a.bundles.importBundle(bundle, { actor: 'test' });
    expect(report).toMatchObject({
      applied: false,
      added: 0,
      updated: 0,
      deleted: 0,
      failed: 0,
      seqBefore: before,
      seqAfter: before,
    });
    expect(report.unchanged).toBe(
      bundle.sites.length + bundle.profiles.length + bundle.references.length + bundle.policies.length,
    );
    expect(await a.directory.latestSeq()).toBe(before);
    expect((await a.audit.head())?.seq ?? 0).toBe(auditBefore);
  });

  it('counts added, updated, deleted and unchanged, applies them in one go and audits the import', async () => {
    const a = await server(5);
    const bundle = JSON.parse(await a.bundles.exportText());
    const goneSite = bundle.sites.find(
      (s: { id: string }) =>
        !bundle.profiles.some((p: { siteId: string }) => p.siteId === s.id) &&
        !bundle.policies.some((p: { siteId: string }) => p.siteId === s.id) &&
        !bundle.references.some((r: { siteIds: string[] }) => r.siteIds.includes(s.id)),
    );
    bundle.profiles[0].firstName = 'Renamed';
    bundle.profiles.splice(1, 2);
    bundle.references.push({
      id: 'ref-new',
      subject: 'New how-to',
      kind: 'how_to',
      allSites: true,
      body: { steps: ['one'] },
    });
    if (goneSite) bundle.sites = bundle.sites.filter((s: { id: string }) => s.id !== goneSite.id);
    const before = await a.directory.latestSeq();
    const report = await a.bundles.importBundle(bundle, { actor: 'usr_admin' });
    const deleted = 2 + (goneSite ? 1 : 0);
    expect(report).toMatchObject({
      applied: true,
      added: 1,
      updated: 1,
      deleted,
      failed: 0,
      seqBefore: before,
      seqAfter: before + 1 + 1 + deleted,
    });
    const changes = await a.directory.changesSince(before, 100);
    expect(changes.map((c) => c.op).slice(0, deleted)).toEqual(Array(deleted).fill('delete'));
    const head = await a.audit.head();
    expect(head).toMatchObject({
      type: 'directory.imported',
      actor: 'usr_admin',
      data: expect.objectContaining({
        added: 1,
        updated: 1,
        deleted,
        bundleHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    });
    const again = await a.bundles.importBundle(bundle, { actor: 'usr_admin' });
    expect(again).toMatchObject({ applied: false, added: 0, updated: 0, deleted: 0 });
  });

  it('a bundle with any failure changes nothing and names every failure', async () => {
    const a = await server(9);
    const bundle = JSON.parse(await a.bundles.exportText());
    bundle.profiles[12].phones = [{ number: '555 0100', country: 'usa' }];
    bundle.profiles[0].firstName = 'Would be updated';
    bundle.sites[0].id = bundle.sites[1].id;
    const seq = await a.directory.latestSeq();
    const report = await a.bundles.importBundle(bundle, { actor: 'test' });
    expect(report.applied).toBe(false);
    expect(report).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 0, failed: 1 });
    expect(report.failures).toEqual([
      { path: 'profiles[12].phones[0].country', message: expect.stringMatching(/two-letter/) },
    ]);
    bundle.profiles[12].phones = [];
    const links = await a.bundles.importBundle(bundle, { actor: 'test' });
    expect(links.failures[0]).toMatchObject({
      path: 'sites[1].id',
      message: expect.stringMatching(/^duplicate id .* \(also sites\[0\]\)/),
    });
    expect(await a.directory.latestSeq()).toBe(seq);
  });

  it('a dry run reports without writing', async () => {
    const a = await server(2);
    const b = await server();
    const report = await b.bundles.importBundle(JSON.parse(await a.bundles.exportText()), {
      actor: 'test',
      dryRun: true,
    });
    expect(report.applied).toBe(false);
    expect(report.added).toBeGreaterThan(100);
    expect(await b.directory.countRecords()).toBe(0);
  });
});
