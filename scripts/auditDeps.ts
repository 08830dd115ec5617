/**
 * `scripts/audit-deps.sh` (a stage of `npm test`): `npm audit --omit=dev --audit-level=high --json`,
 * failing on any high or critical advisory in a production dependency unless `audit-exceptions.json`
 * accepts it with a written reason and an expiry date that has not passed. When the registry's audit
 * endpoint cannot be reached or refuses the request (offline, a mirror without the advisories API),
 * it says so plainly and passes: no answer is not the same as "no advisories", so the message says
 * the audit was SKIPPED.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const AuditException = z.object({
  /** The vulnerable package's name as npm audit reports it. */
  package: z.string().min(1),
  /** Optional advisory URL or id; without it the exception covers every advisory of the package. */
  advisory: z.string().min(1).optional(),
  reason: z.string().trim().min(20, 'write why this advisory does not affect Callsign (at least 20 characters)'),
  expires: z.iso.date('use an expiry date as YYYY-MM-DD'),
});
export const AuditExceptions = z.object({ exceptions: z.array(AuditException) }).strict();
export type AuditExceptions = z.infer<typeof AuditExceptions>;

interface Via {
  source?: number;
  url?: string;
  title?: string;
  severity?: string;
}
interface Vulnerability {
  name?: string;
  severity?: string;
  via?: (Via | string)[];
}
const BLOCKING = new Set(['high', 'critical']);

export type AuditOutcome =
  { kind: 'unavailable'; message: string } | { kind: 'pass'; message: string } | { kind: 'fail'; message: string };

/** Decides from npm audit's JSON output (or its absence) and the exceptions, on `today` (YYYY-MM-DD). */
export function evaluateAudit(stdout: string, exceptions: AuditExceptions, today: string): AuditOutcome {
  let report: {
    vulnerabilities?: Record<string, Vulnerability>;
    error?: unknown;
    message?: string;
    statusCode?: number;
  };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    report = {};
  }
  if (!report.vulnerabilities || typeof report.vulnerabilities !== 'object') {
    const why = report.message ?? (stdout.trim() ? 'unexpected output' : 'no output');
    return {
      kind: 'unavailable',
      message: `Dependency audit SKIPPED: the registry's audit endpoint did not answer (${why}). This is not a pass: run "npm audit --omit=dev" where the registry's advisories API is reachable.`,
    };
  }
  const blocking: string[] = [];
  const accepted: string[] = [];
  const expired: string[] = [];
  for (const [name, vuln] of Object.entries(report.vulnerabilities)) {
    if (!BLOCKING.has(vuln.severity ?? '')) continue;
    const advisories = (vuln.via ?? []).filter(
      (v): v is Via => typeof v === 'object' && BLOCKING.has(v.severity ?? ''),
    );
    const ids = advisories.length > 0 ? advisories.map((v) => v.url ?? String(v.source)) : ['(through a dependency)'];
    for (const id of ids) {
      const label = `${name} ${vuln.severity}: ${id}`;
      const exception = exceptions.exceptions.find(
        (e) => e.package === name && (e.advisory === undefined || e.advisory === id || id.endsWith(`/${e.advisory}`)),
      );
      if (!exception) blocking.push(label);
      else if (exception.expires < today) expired.push(`${label} (exception expired ${exception.expires})`);
      else accepted.push(`${label} (accepted until ${exception.expires}: ${exception.reason})`);
    }
  }
  const lines = [
    ...blocking.map((l) => `  not accepted: ${l}`),
    ...expired.map((l) => `  expired: ${l}`),
    ...accepted.map((l) => `  accepted: ${l}`),
  ];
  if (blocking.length + expired.length > 0)
    return {
      kind: 'fail',
      message:
        `Dependency audit FAILED: ${blocking.length + expired.length} high/critical advisories in production dependencies.\n${lines.join('\n')}\n` +
        'Upgrade the package, or add an entry to audit-exceptions.json with the reason it does not affect Callsign and an expiry date.',
    };
  return {
    kind: 'pass',
    message: `Dependency audit passed: no unaccepted high/critical advisories in production dependencies.${lines.length ? `\n${lines.join('\n')}` : ''}`,
  };
}

function main(): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const exceptions = AuditExceptions.parse(JSON.parse(readFileSync(`${root}/audit-exceptions.json`, 'utf8')));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const outcome = evaluateAudit(run.stdout ?? '', exceptions, new Date().toISOString().slice(0, 10));
  (outcome.kind === 'fail' ? process.stderr : process.stdout).write(`${outcome.message}\n`);
  return outcome.kind === 'fail' ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
