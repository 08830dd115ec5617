// Prints one line `N passed, N failed` from the Vitest and Playwright JSON reports of this run.
// Both stages always run in `npm test`, so a report that is missing — or older than TEST_RUN_STARTED
// (ms since the epoch, set by scripts/test.sh), i.e. left by an earlier run because this run's stage
// died before writing — counts as one failure and is named, never as the old run's numbers.
import { existsSync, readFileSync, statSync } from 'node:fs';

const started = Number(process.env.TEST_RUN_STARTED ?? 0);
const notes = [];
const read = (file, stage) => {
  if (existsSync(file) && statSync(file).mtimeMs >= started) return JSON.parse(readFileSync(file, 'utf8'));
  notes.push(`${stage} wrote no report (${file}${existsSync(file) ? ' is from an earlier run' : ' is missing'})`);
  return undefined;
};
let passed = 0;
let failed = 0;
const vitest = read('test-results/vitest.json', 'unit tests');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
} else failed += 1;
const pw = read('test-results/playwright.json', 'browser journeys');
if (pw) {
  passed += (pw.stats?.expected ?? 0) + (pw.stats?.flaky ?? 0);
  failed += pw.stats?.unexpected ?? 0;
  if ((pw.errors ?? []).length && !pw.stats?.expected) failed += pw.errors.length;
} else failed += 1;
console.log(`${passed} passed, ${failed} failed`);
for (const note of notes) console.log(`  ${note}: counted as a failure`);
