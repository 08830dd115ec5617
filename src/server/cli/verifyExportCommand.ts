/**
 * `callsign-server audit verify-export FILE [--data-dir DIR]`: checks a signed approval export (CSV
 * or XLSX, audit/export/exportFormat.ts) — its hash chain row by row and, when the server key is
 * available (CALLSIGN_VAULT_KEY_FILE / CALLSIGN_VAULT_KEY, or the demo's key in the data dir), its
 * signature. Exit 0 when valid, 1 when altered (naming the first row that does not hold).
 */
import { readFileSync } from 'node:fs';
import { verifyExport } from '../audit/export/verifyExport.js';
import { cliServerKey } from './cliServerKey.js';
import { UsageError, type CliIo } from './io.js';
import { parseFlags } from './options.js';

export async function verifyExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('audit verify-export', args, { 'data-dir': { type: 'string' } }, true);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new UsageError('audit verify-export: give exactly one file, e.g. "audit verify-export approvals.xlsx".');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UsageError(
      `audit verify-export: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const key = cliServerKey(values['data-dir'], io.env)?.subkey('audit-export');
  const verdict = await verifyExport(bytes, key);
  if (verdict.valid) {
    const { meta } = verdict.trailer;
    const signed = verdict.signed
      ? 'signature matches the server key'
      : verdict.trailer.signature
        ? 'signed, but the signature was NOT checked (no server key here: set CALLSIGN_VAULT_KEY_FILE)'
        : 'unsigned (the server had no key): hashes only';
    io.stdout.write(
      `Export valid: ${file} (${verdict.format.toUpperCase()}), ${verdict.rows} ${verdict.rows === 1 ? 'row' : 'rows'}, ` +
        `exported ${meta.exportedAt} by ${meta.exportedBy}, chained to audit entry ${meta.auditHead ? `#${meta.auditHead.seq}` : '(empty log)'}; ${signed}.\n`,
    );
    return 0;
  }
  io.stdout.write(
    `Export ALTERED: ${file} (${verdict.format.toUpperCase()}): ${verdict.problem}${verdict.row !== undefined ? ` [row ${verdict.row}]` : ''}. ` +
      `Do not rely on this file; export the view again from the server.\n`,
  );
  return 1;
}
