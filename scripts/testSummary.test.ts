// `npm test`'s summary line (scripts/test-summary.js) must never count a report left by an earlier run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'test-summary.js');

function summary(reports: { vitest?: unknown; playwright?: unknown; staleSeconds?: number }, started?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-summary-'));
  mkdirSync(join(dir, 'test-results'));
  for (const [name, body] of [
    ['vitest.json', reports.vitest],
    ['playwright.json', reports.playwright],
  ] as const) {
    if (body === undefined) continue;
    const file = join(dir, 'test-results', name);
    writeFileSync(file, JSON.stringify(body));
    if (reports.staleSeconds) {
      const t = Date.now() / 1000 - reports.staleSeconds;
      utimesSync(file, t, t);
    }
  }
  return execFileSync('node', [script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...(started ? { TEST_RUN_STARTED: String(started) } : {}) },
  });
}

const vitest = { numPassedTests: 10, numFailedTests: 0, numRuntimeErrorTestSuites: 0 };
const playwright = { stats: { expected: 3, unexpected: 0, flaky: 0 }, errors: [] };

describe('test summary', () => {
  it('adds up fresh reports', () => {
    expect(summary({ vitest, playwright }, Date.now() - 1000)).toMatch(/^13 passed, 0 failed/m);
  });

  it('counts a missing report of a stage that ran as a failure, and names it', () => {
    const out = summary({ playwright }, Date.now() - 1000);
    expect(out).toMatch(/^3 passed, 1 failed/m);
    expect(out).toMatch(/unit tests wrote no report/);
  });

  it('counts a report older than this run (a stage that failed before writing) as missing, not its old numbers', () => {
    const out = summary({ vitest, playwright, staleSeconds: 3600 }, Date.now() - 1000);
    expect(out).toMatch(/^0 passed, 2 failed/m);
    expect(out).toMatch(/browser journeys wrote no report/);
  });
});
