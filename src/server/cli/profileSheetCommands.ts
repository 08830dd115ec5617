/**
 * `callsign-server import-profiles FILE --site ID [--dry-run] [--skip-failed]` and
 * `callsign-server export-profiles --site ID --out FILE [--format xlsx|csv] [--lang L] [--template]`:
 * the same engine as the admin routes (src/server/directory/import). Import prints the preview —
 * counts, every error with its row and column, the warnings — and applies in one transaction.
 * Exit codes: 0 done (or a clean dry run), 1 rows or the file have errors (nothing changed), 2 bad
 * usage or an unreadable file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../shared/api/index.js';
import { ExportQuery, summarise, type ImportIssue, type ImportPreview } from '../../shared/directory/import/index.js';
import { Locale } from '../../shared/i18n/locales.js';
import { AuditLog } from '../audit/AuditLog.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { ProfileSheets } from '../directory/import/ProfileSheets.js';
import { cliServerKey } from './cliServerKey.js';
import { UsageError, type CliIo } from './io.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';

const SHOWN_ERRORS = 200;
const SHOWN_WARNINGS = 50;

async function withSheets<T>(dataDir: string | undefined, io: CliIo, run: (sheets: ProfileSheets) => Promise<T>) {
  const { database } = await openDataDirDatabase(dataDir, io);
  try {
    const directory = new DirectoryStore(database.db, Date.now);
    const audit = new AuditLog(database.db, Date.now, cliServerKey(dataDir, io.env)?.subkey('audit-anchor'));
    return await run(new ProfileSheets(database.db, directory, audit));
  } finally {
    await database.close();
  }
}

const where = (i: ImportIssue) =>
  i.row === 0 ? 'file' : `row ${i.row}${i.header ? `, ${i.header}` : i.column ? `, ${i.column}` : ''}`;

function list(issues: ImportIssue[], total: number, shown: number): string {
  const lines = issues.slice(0, shown).map((i) => `  ${where(i)}: ${i.message}`);
  if (total > lines.length) lines.push(`  … and ${total - lines.length} more`);
  return lines.join('\n');
}

export function describePreview(file: string, p: ImportPreview): string {
  const c = p.counts;
  const out = [
    `Checked ${file} for site ${p.siteId}: ${p.rows} row(s) — ${c.added} to add, ${c.updated} to update, ${c.deleted} to delete, ${c.unchanged} unchanged, ${c.failed} failed.`,
  ];
  if (p.errorCount > 0)
    out.push(`Errors (${p.errorCount}) — fix these and import again:\n${list(p.errors, p.errorCount, SHOWN_ERRORS)}`);
  if (p.warningCount > 0)
    out.push(`Warnings (${p.warningCount}):\n${list(p.warnings, p.warningCount, SHOWN_WARNINGS)}`);
  return `${out.join('\n')}\n`;
}

function siteFlag(command: string, site: string | undefined): string {
  if (!site) throw new UsageError(`${command}: give the site with --site ID.`);
  return site;
}

export async function importProfilesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    'import-profiles',
    args,
    {
      site: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-failed': { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    true,
  );
  if (positionals.length !== 1) throw new UsageError('import-profiles: give exactly one FILE (.xlsx or .csv).');
  const file = positionals[0]!;
  const siteId = siteFlag('import-profiles', values.site);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.stderr.write(
      `import-profiles: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`,
    );
    return 2;
  }
  const format = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  return withSheets(values['data-dir'], io, async (sheets) => {
    let prepared;
    try {
      prepared = await sheets.importer.prepare(siteId, bytes, format);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      io.stderr.write(`Nothing imported from ${file}: ${e.message}\n`);
      return e.code === 'not_found' ? 2 : 1;
    }
    const { preview } = prepared;
    const failed = preview.errorCount > 0;
    (failed ? io.stderr : io.stdout).write(describePreview(file, preview));
    if (values['dry-run']) {
      io.stdout.write('Dry run: nothing was changed.\n');
      return failed ? 1 : 0;
    }
    const fileErrors = preview.errors.some((i) => i.row === 0);
    if (fileErrors || (failed && !values['skip-failed'])) {
      io.stderr.write(
        `Nothing imported from ${file}${fileErrors ? '' : ' (or run again with --skip-failed to import the rows without errors)'}.\n`,
      );
      return 1;
    }
    const result = await sheets.importer.apply(prepared, 'cli', { skipFailedRows: values['skip-failed'] ?? false });
    io.stdout.write(
      result.seqAfter === result.seqBefore
        ? `Imported ${file}: ${summarise(result.counts)}. The site already matched; nothing changed.\n`
        : `Imported ${file}: ${summarise(result.counts)}. Sync seq ${result.seqBefore} → ${result.seqAfter}.\n`,
    );
    return failed ? 1 : 0;
  });
}

export async function exportProfilesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('export-profiles', args, {
    site: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    template: { type: 'boolean' },
    'data-dir': { type: 'string' },
  });
  const siteId = siteFlag('export-profiles', values.site);
  if (!values.out) throw new UsageError('export-profiles: give the file to write with --out FILE.');
  const format = values.format ?? (extname(values.out).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`--format must be xlsx or csv (got "${format}").`);
  const lang = values.lang ?? 'en-US';
  if (!Locale.safeParse(lang).success)
    throw new UsageError(`--lang must be one of ${Locale.options.join(', ')} (got "${lang}").`);
  const query = ExportQuery.parse({ format, lang, template: values.template ? '1' : '0' });
  return withSheets(values['data-dir'], io, async (sheets) => {
    try {
      const exported = await sheets.exportFile(siteId, query);
      await writeFile(values.out!, exported.bytes, { mode: 0o600 });
      io.stdout.write(`Exported ${exported.profiles} profile(s) of site ${siteId} to ${values.out}.\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      io.stderr.write(`export-profiles: ${e.message}\n`);
      return 2;
    }
  });
}
