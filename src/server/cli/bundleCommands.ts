/**
 * `callsign-server export FILE` and `callsign-server import FILE [--dry-run]`: the whole directory
 * as one JSON bundle (src/shared/bundle). FILE "-" means stdout / stdin. Import checks everything
 * first and applies all or nothing; it prints the counts and every failure with its path.
 * Exit codes: 0 done, 1 the bundle was refused (nothing changed), 2 bad usage or unreadable file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { AuditLog } from '../audit/AuditLog.js';
import { BundleService, type ImportReport } from '../bundle/BundleService.js';
import { UsageError, type CliIo } from './io.js';
import { cliServerKey } from './cliServerKey.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';

/** Failures printed before "… and N more". */
const SHOWN_FAILURES = 200;

async function withBundles<T>(
  dataDir: string | undefined,
  io: CliIo,
  run: (bundles: BundleService, directory: DirectoryStore) => Promise<T>,
): Promise<T> {
  const { database } = await openDataDirDatabase(dataDir, io);
  try {
    const directory = new DirectoryStore(database.db, Date.now);
    const audit = new AuditLog(database.db, Date.now, cliServerKey(dataDir, io.env)?.subkey('audit-anchor'));
    return await run(new BundleService(database.db, directory, audit), directory);
  } finally {
    await database.close();
  }
}

function fileArg(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${command}: give exactly one FILE (or "-").`);
  return positionals[0]!;
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('export', args, { 'data-dir': { type: 'string' } }, true);
  const file = fileArg('export', positionals);
  const { bundle, records } = await withBundles(values['data-dir'], io, async (bundles, directory) => ({
    bundle: await bundles.exportText(),
    records: await directory.countRecords(),
  }));
  if (file === '-') io.stdout.write(bundle);
  else {
    await writeFile(file, bundle, { mode: 0o600 });
    io.stdout.write(`Exported ${records} records to ${file}.\n`);
  }
  return 0;
}

export function describeReport(file: string, r: ImportReport, dryRun: boolean): string {
  const counts = `${r.added} added, ${r.updated} updated, ${r.deleted} deleted, ${r.unchanged} unchanged, ${r.failed} failed`;
  if (r.failures.length > 0) {
    const lines = r.failures.slice(0, SHOWN_FAILURES).map((f) => `  ${f.path}: ${f.message}`);
    if (r.failures.length > SHOWN_FAILURES) lines.push(`  … and ${r.failures.length - SHOWN_FAILURES} more`);
    return `Nothing imported from ${file}: ${r.failed} record(s) failed validation (${counts}). Fix these and import again:\n${lines.join('\n')}\n`;
  }
  if (dryRun) return `Dry run of ${file}: would apply ${counts}. Nothing was changed.\n`;
  if (!r.applied)
    return `Imported ${file}: ${counts}. The directory already matched; nothing changed (sync seq ${r.seqAfter}).\n`;
  return `Imported ${file}: ${counts}. Sync seq ${r.seqBefore} → ${r.seqAfter}.\n`;
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    'import',
    args,
    { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    true,
  );
  const file = fileArg('import', positionals);
  let raw: string;
  try {
    raw = file === '-' ? await text(io.stdin) : await readFile(file, 'utf8');
  } catch (e) {
    io.stderr.write(
      `import: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give the path of a bundle made by "callsign-server export".\n`,
    );
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    io.stderr.write(`Nothing imported from ${file}: it is not valid JSON (${(e as Error).message}).\n`);
    return 1;
  }
  const dryRun = values['dry-run'] ?? false;
  const report = await withBundles(values['data-dir'], io, (bundles) =>
    bundles.importBundle(json, { actor: 'cli', dryRun }),
  );
  (report.failures.length > 0 ? io.stderr : io.stdout).write(describeReport(file, report, dryRun));
  return report.failures.length > 0 ? 1 : 0;
}
