// Prints one line `N passed, N failed` from the Vitest and Playwright JSON reports.
import { existsSync, readFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
} else failed += 1;
const pw = read('test-results/playwright.json');
if (pw) {
  passed += (pw.stats?.expected ?? 0) + (pw.stats?.flaky ?? 0);
  failed += pw.stats?.unexpected ?? 0;
  if ((pw.errors ?? []).length && !pw.stats?.expected) failed += pw.errors.length;
} else failed += 1;
console.log(`${passed} passed, ${failed} failed`);
