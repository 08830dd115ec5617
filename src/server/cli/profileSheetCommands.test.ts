import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from './testing/runCliCaptured.testkit.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('import-profiles / export-profiles', () => {
  it('exports a site, re-imports it unchanged, previews a dry run, refuses a file with errors, applies a fixed one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-sheets-'));
    const data = ['--data-dir', dir];
    expect(
      (
        await runCliCaptured([
          'generate',
          '--sites',
          '3',
          '--profiles',
          '30',
          '--references',
          '0',
          '--seed',
          '4',
          ...data,
        ])
      ).code,
    ).toBe(0);
    const csv = join(dir, 'site.csv');
    const exported = await runCliCaptured([
      'export-profiles',
      '--site',
      'site-00001',
      '--out',
      csv,
      '--lang',
      'fr',
      ...data,
    ]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/^Exported \d+ profile\(s\) of site site-00001 to /);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFPrénom,Nom,E-mail,Téléphone 1,')).toBe(true);

    const same = await runCliCaptured(['import-profiles', csv, '--site', 'site-00001', ...data]);
    expect(same.code, same.err).toBe(0);
    expect(same.out).toMatch(/added 0, updated 0, deleted 0, failed 0\. The site already matched; nothing changed\./);

    const header = text.split('\r\n')[0]!.replace('\uFEFF', '');
    const cols = header.split(',').length;
    const line = (cells: Record<number, string>) => Array.from({ length: cols }, (_, i) => cells[i] ?? '').join(',');
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        header,
        line({ 0: 'Ann', 1: 'Lee', 3: '2065550170' }),
        line({ 0: 'Bo', 1: 'Ray', 3: '2065550171', 4: 'US' }),
      ].join('\n'),
    );
    const dry = await runCliCaptured(['import-profiles', bad, '--site', 'site-00001', '--dry-run', ...data]);
    expect(dry.code).toBe(1);
    expect(dry.err).toContain('1 to add');
    expect(dry.err).toContain('row 2, Téléphone 1 pays: Enter the two-letter country of 2065550170');
    expect(dry.out).toBe('Dry run: nothing was changed.\n');
    const refused = await runCliCaptured(['import-profiles', bad, '--site', 'site-00001', ...data]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Nothing imported from .*--skip-failed/);

    writeFileSync(bad, [header, line({ 0: 'Ann', 1: 'Lee', 3: '2065550170', 4: 'us' })].join('\n'));
    const fixed = await runCliCaptured(['import-profiles', bad, '--site', 'site-00001', ...data]);
    expect(fixed.code, fixed.err).toBe(0);
    expect(fixed.out).toMatch(/^Checked .* 1 to add/);
    expect(fixed.out).toMatch(/Imported .*: added 1, updated 0, deleted 0, failed 0\. Sync seq \d+ → \d+\./);
  });

  it('explains bad usage and unknown sites', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-sheets-'));
    expect((await runCliCaptured(['export-profiles', '--out', 'x.xlsx'])).code).toBe(2);
    expect((await runCliCaptured(['import-profiles', '--site', 's'])).err).toContain('give exactly one FILE');
    const unknown = await runCliCaptured([
      'export-profiles',
      '--site',
      'site-nope',
      '--out',
      join(dir, 'x.xlsx'),
      '--data-dir',
      dir,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no site "site-nope"');
    expect((await runCliCaptured(['help'])).out).toContain('import-profiles FILE --site ID');
  });
});
