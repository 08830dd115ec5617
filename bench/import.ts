/**
 * `npm run bench:import` — 20,000 spreadsheet rows validated and applied (issue 16, target ≤ 10 s).
 * A site with 5,000 existing profiles is exported (xlsx), 1,000 of its rows are edited and 15,000
 * new rows appended — phone numbers written the way each country writes them, a fifth of the
 * all-digit ones stored as numbers as Excel does — then imported: read + check + plan, and apply in
 * one transaction (SQLite file). The same rows as CSV too. Measures wall time and this process's CPU
 * per phase, with the load average (the machine is shared). Writes bench/results/import.json.
 * BENCH_ROWS / BENCH_EXISTING shrink it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ClientProfile, Site } from '../src/shared/domain/index.js';
import { PROFILE_COLUMNS } from '../src/shared/directory/import/index.js';
import { createServices } from '../src/server/app.js';
import { loadDirectory } from '../src/server/bundle/loadDirectory.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { exportSiteProfiles } from '../src/server/directory/import/exportSiteProfiles.js';
import { ProfileImporter } from '../src/server/directory/import/ProfileImporter.js';
import { profileRow } from '../src/server/directory/import/profileSheetRows.js';
import { readCsv } from '../src/server/directory/import/readCsv.js';
import { readXlsx } from '../src/server/directory/import/readXlsx.js';
import { writeResult } from './support.js';

const rows = Number(process.env.BENCH_ROWS ?? 20_000);
const existing = Number(process.env.BENCH_EXISTING ?? 5_000);
const edited = Math.round(existing / 5);
const loadAtStart = loadavg();

const generated = generateDirectory({ sites: 40, profiles: Math.ceil(rows * 1.25) + 200, references: 0, seed: 16 });
const siteCountry = new Map(generated.sites.map((s) => [s.id, s.country]));
const site: Site = { ...generated.sites[0]!, id: 'site-bench', name: 'Bench Co — HQ' };
// Every person moves to the one bench site; a phone keeps the country it was written for.
const people: ClientProfile[] = generated.profiles
  .filter((p) => p.phones.length > 0)
  .slice(0, rows)
  .map((p) => ({
    ...p,
    siteId: site.id,
    phones: p.phones.slice(0, 4).map((ph) => ({ ...ph, country: ph.country ?? siteCountry.get(p.siteId)! })),
  }));
const current = people.slice(0, existing);
const incoming = people.slice(existing);

const cpuMsOf = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

async function run(format: 'xlsx' | 'csv') {
  const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-import-'));
  const database = await openDatabase(join(dir, 'callsign.sqlite'));
  try {
    const services = createServices(database, {});
    await loadDirectory(services.directory, { sites: [site], profiles: current, references: [] });
    const exported = await exportSiteProfiles(database.db, services.directory, site.id, {
      format: 'xlsx',
      lang: 'en-US',
      template: '0',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const title = PROFILE_COLUMNS.indexOf('title') + 1;
    for (let r = 2; r < 2 + edited; r++) sheet.getRow(r).getCell(title).value = `Edited ${r}`;
    incoming.forEach((p, i) => {
      const cells: Array<string | number> = profileRow(p, site, 'en-US');
      const n = cells[3]!;
      if (i % 5 === 0 && typeof n === 'string' && /^\d{6,15}$/.test(n)) cells[3] = Number(n);
      cells[PROFILE_COLUMNS.indexOf('id')] = '';
      sheet.addRow(cells);
    });
    let bytes: Uint8Array;
    if (format === 'xlsx') bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    else {
      const lines: string[] = [];
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        lines.push(
          PROFILE_COLUMNS.map((_, i) => {
            const v = values[i];
            const text = v === undefined || v === null ? '' : String(v);
            return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
          }).join(','),
        );
      });
      bytes = new Uint8Array(Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`));
    }

    const importer = new ProfileImporter(database.db, services.directory, services.audit);
    // The read alone, once before the import (which reads the file again), to split the phases.
    const readCpu0 = process.cpuUsage();
    const readT0 = performance.now();
    if (format === 'xlsx') await readXlsx(bytes);
    else readCsv(bytes);
    const read = { ms: Math.round(performance.now() - readT0), cpuMs: cpuMsOf(process.cpuUsage(readCpu0)) };
    let progressCalls = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const prepared = await importer.prepare(site.id, bytes, format, () => progressCalls++);
    const t1 = performance.now();
    const cpu1 = process.cpuUsage(cpu0);
    const result = await importer.apply(prepared, 'bench', { skipFailedRows: true }, () => progressCalls++);
    const t2 = performance.now();
    const cpu2 = process.cpuUsage(cpu0);
    const ms = (x: number) => Math.round(x);
    return {
      format,
      fileBytes: bytes.length,
      rows: prepared.preview.rows,
      counts: result.counts,
      errors: prepared.preview.errorCount,
      warnings: prepared.preview.warningCount,
      readValidatePlanMs: ms(t1 - t0),
      applyMs: ms(t2 - t1),
      totalMs: ms(t2 - t0),
      cpuMs: { readValidatePlan: cpuMsOf(cpu1), total: cpuMsOf(cpu2) },
      readOnly: read,
      cpuUsPerRow: Math.round(((cpu2.user + cpu2.system) / prepared.preview.rows) * 10) / 10,
      progressCalls,
      profilesAfter: Number(
        (
          await database.db
            .selectFrom('directory_records')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('kind', '=', 'profile')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const xlsx = await run('xlsx');
const csv = await run('csv');
const result = {
  date: new Date().toISOString(),
  database: 'sqlite (file)',
  rows,
  existingProfiles: existing,
  editedRows: edited,
  newRows: incoming.length,
  targetMs: 10_000,
  cpus: availableParallelism(),
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg(),
  xlsx,
  csv,
  pass: xlsx.totalMs <= 10_000 && csv.totalMs <= 10_000,
};
console.log(JSON.stringify(result, null, 2));
writeResult('import', result);
