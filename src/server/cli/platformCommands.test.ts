import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/AuditLog.js';
import { openDatabase } from '../db/openDatabase.js';
import { runCliCaptured } from './testing/runCliCaptured.testkit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-platform-'));
  dirs.push(d);
  return d;
};

const cli = (argv: string[], stdin = '') => runCliCaptured(argv, { stdin });

describe('callsign-server export / import', () => {
  it('exports, imports into an empty server byte-identically, and re-imports as a no-op', async () => {
    const a = tempDir();
    const b = tempDir();
    expect(
      (await cli(['generate', '--sites', '6', '--profiles', '60', '--references', '8', '--data-dir', a])).code,
    ).toBe(0);
    const file = join(a, 'directory.json');
    const exported = await cli(['export', file, '--data-dir', a]);
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Exported \d+ records to .*directory\.json\.\n$/),
    });

    const first = await cli(['import', file, '--data-dir', b]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Imported .*: \d+ added, 0 updated, 0 deleted, 0 unchanged, 0 failed\. Sync seq 0 → \d+\.\n$/,
    );
    const again = await cli(['import', file, '--data-dir', b]);
    expect(again.out).toMatch(
      /0 added, 0 updated, 0 deleted, \d+ unchanged, 0 failed\. The directory already matched; nothing changed/,
    );
    const roundTrip = await cli(['export', '-', '--data-dir', b]);
    expect(roundTrip.out).toBe(readFileSync(file, 'utf8'));

    const dry = await cli(['import', '-', '--dry-run', '--data-dir', tempDir()], readFileSync(file, 'utf8'));
    expect(dry.out).toMatch(/^Dry run of -: would apply \d+ added/);
  });

  it('refuses a broken bundle with every failure path and exit 1, changing nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    const profiles = Array.from({ length: 13 }, (_, i) => ({
      id: `p${i}`,
      siteId: 's1',
      firstName: 'A',
      lastName: 'B',
    }));
    profiles[12] = { ...profiles[12]!, phones: [{ number: '1', country: 'usa' }] } as (typeof profiles)[number];
    writeFileSync(
      file,
      JSON.stringify({
        format: 'callsign.directory-bundle',
        version: 1,
        sites: [{ id: 's1', name: 'S', companyName: 'C', country: 'US' }],
        profiles,
        references: [],
        policies: [],
      }),
    );
    const res = await cli(['import', file, '--data-dir', dir]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('Nothing imported from');
    expect(res.err).toContain('0 added, 0 updated, 0 deleted, 0 unchanged, 1 failed');
    expect(res.err).toMatch(/ {2}profiles\[12\]\.phones\[0\]\.country: use a two-letter ISO 3166 country code/);
    writeFileSync(file, '{"format":');
    expect(await cli(['import', file, '--data-dir', dir])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not valid JSON/),
    });
    expect(await cli(['import', join(dir, 'missing.json'), '--data-dir', dir])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/cannot read .*ENOENT/),
    });
    expect((await cli(['import', '--data-dir', dir])).code).toBe(2);
  });
});

describe('callsign-server audit verify', () => {
  it('passes an intact chain and names the entry whose stored bytes were flipped', async () => {
    const dir = tempDir();
    const file = join(dir, 'callsign.sqlite');
    const database = await openDatabase(file);
    const log = new AuditLog(database.db, () => Date.UTC(2026, 0, 1));
    for (let i = 0; i < 5; i++)
      await log.append({
        type: 'directory.changed',
        actor: `usr_${i}`,
        subject: `site:s${i}`,
        data: { op: 'update', i },
      });
    await database.close();

    const ok = await cli(['audit', 'verify', '--data-dir', dir]);
    expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/^Audit chain intact: 5 entries/) });

    // Flip one byte of event #3 at every position of its stored data: each time, verify names #3.
    const raw = await openDatabase(file);
    const original = (raw.sqlite.prepare('select data from audit_log where seq = 3').get() as { data: string }).data;
    for (let at = 0; at < original.length; at++) {
      const bytes = Buffer.from(original);
      bytes[at] = bytes[at]! ^ 0x01;
      raw.sqlite.prepare('update audit_log set data = ? where seq = 3').run(bytes.toString('latin1'));
      const broken = await cli(['audit', 'verify', '--data-dir', dir]);
      expect(broken.code, `byte ${at}`).toBe(1);
      expect(broken.out).toMatch(
        /^Audit chain BROKEN at entry #3 \(directory\.changed by usr_2 at 2026-01-01T00:00:00\.000Z\)/,
      );
      expect(broken.out).toContain('Entries #1–#2 are intact');
    }
    raw.sqlite.prepare('update audit_log set data = ? where seq = 3').run(original);
    raw.sqlite.prepare("update audit_log set actor = 'usr_x' where seq = 4").run();
    await raw.close();
    expect((await cli(['audit', 'verify', '--data-dir', dir])).out).toMatch(/BROKEN at entry #4/);
    expect((await cli(['audit', 'check', '--data-dir', dir])).code).toBe(2);
  });
});
