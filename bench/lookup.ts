/**
 * `npm run bench:lookup` — caller identification at MSP scale, in a real headless Chromium.
 *
 * Generates 10k sites / 100k profiles / 20k references into a fresh server, signs in through the
 * web bridge, times the initial sync into IndexedDB, then measures from the same page: exact phone
 * (random formats), exact email, email domain, type-ahead prefix and reference full-text against the
 * in-memory index, and the server round trip (`GET /v1/lookup` via IPC → main → server on loopback).
 * Chromium coarsens performance.now() to 0.1 ms, so in-memory lookups are timed in batches of 10 and
 * reported per query. Writes bench/results/lookup.json.
 *   BENCH_PROFILES=20000 npm run bench:lookup   (smaller run)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { bulkLoadDirectory } from '../src/server/directory/bulkLoadDirectory.js';
import { UserStore } from '../src/server/auth/UserStore.js';
import { normalizePhone } from '../src/shared/phone/normalizePhone.js';
import type { BenchHooks } from '../src/renderer/app/benchHooks.js';
import { chromiumArgs, freePort, percentiles, printTable, startTs, writeResult, type Percentiles } from './support.js';

type BenchWindow = { __callsignBench: BenchHooks & Record<string, (...a: unknown[]) => unknown> };

const profiles = Number(process.env.BENCH_PROFILES ?? 100_000);
const sites = Math.round(profiles / 10);
const references = Math.round(profiles / 5);
const QUERIES = 1000;
const BATCH = 10;
const password = 'bench-Password-1';

const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-'));
const children: Array<{ kill(): void }> = [];
try {
  console.log(`Generating ${sites} sites, ${profiles} profiles, ${references} references…`);
  mkdirSync(join(dir, 'server'));
  const database = await openDatabase(join(dir, 'server', 'callsign.sqlite'));
  bulkLoadDirectory(database.sqlite, generateDirectory({ sites, profiles, references, seed: 7 }), Date.now());
  await new UserStore(database.db, Date.now).create({
    email: 'bench@callsign.demo',
    name: 'Bench Tech',
    role: 'technician',
    password,
  });
  await database.close();

  const serverPort = await freePort();
  const server = await startTs(
    'src/server/cli/main.ts',
    ['serve', '--port', String(serverPort), '--data-dir', join(dir, 'server')],
    /listening on http/,
  );
  children.push(server.child);
  const bridge = await startTs(
    'src/main/bridge/main.ts',
    ['--server-url', `http://127.0.0.1:${serverPort}`, '--data-dir', join(dir, 'app'), '--port', '0'],
    /Callsign is running at (\S+)/,
  );
  children.push(bridge.child);
  const url = bridge.match[1]!.replace('/#', '/?bench#');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  children.push({ kill: () => void browser.close() });
  const page = await browser.newPage();
  // BENCH_CPU_PROFILE=file.cpuprofile records the renderer's CPU profile of the initial sync
  // (open it in Chrome DevTools → Performance, or any .cpuprofile viewer).
  const profiler = process.env.BENCH_CPU_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
    await profiler.send('Profiler.start');
  }
  await page.goto(url);
  await page.getByTestId('signin-email').fill('bench@callsign.demo');
  await page.getByTestId('signin-password').fill(password);
  const t0 = Date.now();
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('lookup-input').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sync-progress"]').length === 0, undefined, {
    timeout: 300_000,
    polling: 100,
  });
  await page.waitForFunction(() => (window as unknown as BenchWindow).__callsignBench?.ready(), undefined, {
    timeout: 120_000,
    polling: 50,
  });
  const syncSeconds = (Date.now() - t0) / 1000;
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
    console.log(`CPU profile of the sync: ${process.env.BENCH_CPU_PROFILE}`);
  }
  // No helper functions inside evaluate: tsx's name helpers do not exist in the page.
  const [pullMs, writeMs, indexMs, ...rest] = await page.evaluate(() =>
    ['sync.pull', 'sync.write', 'sync.index', 'sync.write.sites', 'sync.write.profiles', 'sync.write.references']
      .map((name) => Math.round(performance.getEntriesByName(name).reduce((t, e) => t + e.duration, 0)))
      .concat(performance.getEntriesByName('sync.pull').length),
  );
  const breakdown = {
    pullMs,
    writeMs,
    indexMs,
    sitesMs: rest[0],
    profilesMs: rest[1],
    referencesMs: rest[2],
    pages: rest[3],
  };
  console.log('Sync breakdown (ms):', breakdown);
  console.log(
    `Initial sync + index: ${syncSeconds.toFixed(1)} s`,
    await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.stats()),
  );

  const sample: { phones: string[]; emails: string[]; domains: string[]; names: string[] } = await page.evaluate(
    (n) => (window as unknown as BenchWindow).__callsignBench.sample(n),
    QUERIES,
  );
  const phones = formatVariants(sample.phones, QUERIES);
  const emails = cycle(sample.emails, QUERIES);
  const domains = cycle(sample.domains, QUERIES);
  const prefixes = cycle(
    sample.names.map((n) => n.slice(0, 4)),
    QUERIES,
  );
  const words = cycle(
    ['printer', 'vpn', 'outlook', 'password', 'backup', 'teams', 'scanner', 'wifi', 'license', 'onedrive'],
    QUERIES,
  );

  const batched = async (
    inputs: string[],
    fn: 'identifyBatch' | 'searchBatch',
    kind?: string,
  ): Promise<Percentiles | null> => {
    const perQuery = await page.evaluate(
      ({ inputs, fn, kind, batch }) => {
        const hooks = (window as unknown as BenchWindow).__callsignBench;
        if (!hooks[fn]) return null;
        hooks[fn](inputs.slice(0, 50), kind); // warm-up
        const out: number[] = [];
        for (let i = 0; i < inputs.length; i += batch) out.push(hooks[fn](inputs.slice(i, i + batch), kind) / batch);
        return out;
      },
      { inputs, fn, kind, batch: BATCH },
    );
    return perQuery ? percentiles(perQuery, inputs.length) : null;
  };

  const exactPhone = (await batched(phones, 'identifyBatch'))!;
  const exactEmail = (await batched(emails, 'identifyBatch'))!;
  const domain = (await batched(domains, 'identifyBatch'))!;
  const typeahead = await batched(prefixes, 'searchBatch', 'typeahead');
  const fulltext = await batched(words, 'searchBatch', 'fulltext');
  const remote: number[] = [];
  for (const p of phones)
    remote.push(
      await page.evaluate((phone) => (window as unknown as BenchWindow).__callsignBench.remoteLookup({ phone }), p),
    );
  const serverRoundTrip = percentiles(remote);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const heapMB = Math.round(heap.usedSize / 1048576);
  const ratio = Math.round((serverRoundTrip.p95 / Math.max(exactPhone.p95, 0.0001)) * 10) / 10;

  const row = (name: string, p: Percentiles | null): [string, string, string, string, string] =>
    p ? [name, String(p.n), String(p.p50), String(p.p95), String(p.p99)] : [name, '—', 'n/a', 'n/a', 'n/a'];
  printTable(
    `Lookup at ${profiles.toLocaleString()} profiles — sync ${syncSeconds.toFixed(1)} s, heap ${heapMB} MB, ratio ${ratio}×`,
    [
      row('exact phone (random formats)', exactPhone),
      row('exact email', exactEmail),
      row('email domain', domain),
      row('type-ahead prefix', typeahead),
      row('reference full-text', fulltext),
      row('server round trip /v1/lookup', serverRoundTrip),
    ],
  );
  writeResult('lookup', {
    profiles,
    sites,
    references,
    syncSeconds,
    syncBreakdown: breakdown,
    heapMB,
    exactPhone,
    exactEmail,
    domain,
    typeahead,
    fulltext,
    serverRoundTrip,
    ratio,
  });
} finally {
  for (const c of children.reverse()) c.kill();
  rmSync(dir, { recursive: true, force: true });
}

function cycle<T>(items: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => items[i % items.length]!);
}

/** The same numbers as callers and caller-ID systems write them: international, E.164, dotted, tel: URI. */
function formatVariants(raw: string[], n: number): string[] {
  return cycle(raw, n).map((number, i) => {
    const e = normalizePhone(number, 'US');
    if (!e.ok) return number;
    const p = parsePhoneNumberWithError(e.e164);
    switch (i % 4) {
      case 0:
        return p.formatInternational();
      case 1:
        return p.number;
      case 2:
        return p.formatInternational().replace(/ /g, '.');
      default:
        return `tel:${p.formatInternational().replace(/ /g, '-')}`;
    }
  });
}
