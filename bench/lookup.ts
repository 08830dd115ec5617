/**
 * `npm run bench:lookup` — caller identification at MSP scale, in a real headless Chromium.
 *
 * Generates 10k sites / 100k profiles / 20k references into a fresh server, signs in through the
 * web bridge, times the initial sync into IndexedDB (with long tasks, a lookup probe every 50 ms and
 * the bytes received meanwhile), the same rows written by a bare Dexie bulkPut (`writeFloorMs`), the
 * same pages pulled through the same channel and parsed, with nothing validated or written (`pullFloorMs`), then
 * measures from the same page: exact phone (international, national, E.164, dotted, tel: URI; 20%
 * misses; numbers shared by two sites), exact email, email domain, type-ahead prefix, two letters ("Da"), a name typed up to its last name's initial ("Dana R"), the Sites page filter and reference
 * full-text against the in-memory index, the server round trip (`GET /v1/lookup` via IPC → main →
 * server on loopback), an incremental sync of 100 changed profiles, and a restart with the full cache (the page closed, a new one opened)
 * (`warmStartMs`, `typeaheadReadyMs`: ms since navigation start). The bridge serves the page cross-
 * origin isolated, so performance.now() has 5 µs resolution and every query is timed on its own;
 * without isolation (`timing: "batch10"`) queries are timed in batches of 10. Warm-ups are not
 * measured. Writes bench/results/lookup.json (lookup-250000.json etc. for other sizes).
 *   BENCH_PROFILES=20000 npm run bench:lookup   (smaller run)
 *   BENCH_PROFILES=250000 npm run bench:lookup  (scaling)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { DirectoryStore } from '../src/server/directory/DirectoryStore.js';
import { normalizePhone } from '../src/shared/phone/normalizePhone.js';
import type { BenchHooks } from '../src/renderer/app/benchHooks.js';
import {
  BENCH_EMAIL,
  MISS_COUNTRY,
  chromiumArgs,
  missNumbers,
  percentiles,
  printTable,
  firstSyncBytes,
  serverWarmed,
  startBenchStack,
  writeResult,
  type Percentiles,
  firstSyncEnded,
} from './support.js';

type BenchWindow = { __callsignBench: BenchHooks & Record<string, (...a: unknown[]) => unknown> };

const profiles = Number(process.env.BENCH_PROFILES ?? 100_000);
const sites = Math.round(profiles / 10);
const references = Math.round(profiles / 5);
const QUERIES = 1000;
const MISS_SHARE = 0.2;
const CHANGED = 100;
const password = 'bench-Password-1';

const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-'));
const children: Array<{ kill(): void }> = [];
try {
  console.log(`Generating ${sites} sites, ${profiles} profiles, ${references} references…`);
  const serverOutput: string[] = [];
  const stack = await startBenchStack(dir, { profiles, sites, references }, password, serverOutput);
  children.push(stack.server, stack.bridge);
  const url = stack.url;
  console.log(`Server warmed its sync pages in ${await serverWarmed(serverOutput)} ms (a server that has been up)`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // 250k profiles: room for the renderer's heap beyond V8's default limit.
    args: [...chromiumArgs, '--js-flags=--max-old-space-size=4096'],
  });
  children.push({ kill: () => void browser.close() });
  /** A Chrome trace of `tracedPage` into `path`; categories from BENCH_TRACE_CATEGORIES (comma-separated). */
  const startTrace = (tracedPage: typeof page, path: string) =>
    browser.startTracing(tracedPage, {
      path,
      categories: (
        process.env.BENCH_TRACE_CATEGORIES ??
        'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel,blink.user_timing'
      ).split(','),
    });
  const context = await browser.newContext();
  const page = await context.newPage();
  // BENCH_CPU_PROFILE=file.cpuprofile records the renderer's CPU profile of the initial sync
  // (open it in Chrome DevTools → Performance, or any .cpuprofile viewer).
  const profiler = process.env.BENCH_CPU_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
    await profiler.send('Profiler.start');
  }
  await page.goto(url);
  await page.waitForFunction(() => !!(window as unknown as BenchWindow).__callsignBench, undefined, {
    timeout: 60_000,
  });
  const isolated = await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.isolated());
  const batch = isolated ? 1 : 10;
  console.log(`crossOriginIsolated: ${isolated} → timing ${isolated ? 'per query' : 'batches of 10'}`);
  const net = await page.context().newCDPSession(page);
  // The renderer main thread's CPU time (CDP ThreadTime, s): what the sync costs the UI thread, less
  // inflated by other load on the machine than wall-clock figures.
  await net.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadMs = async () => {
    const { metrics } = (await net.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    return Math.round((metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000);
  };
  await page.getByTestId('signin-email').fill(BENCH_EMAIL);
  await page.getByTestId('signin-password').fill(password);
  await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.takeLongTasks());
  const cpu0 = await threadMs();
  const t0 = Date.now();
  // BENCH_TRACE=file.json records a Chrome trace of the sync (chrome://tracing, Perfetto).
  if (process.env.BENCH_TRACE) await startTrace(page, process.env.BENCH_TRACE);
  await page.getByTestId('signin-submit').click();
  await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.startProbe('+1 206 555 0100', 50));
  await page.getByTestId('lookup-input').waitFor({ timeout: 120_000 });
  await firstSyncEnded(page, 900_000);
  // The sync is over when its progress bar goes: every record is in the cache and exact lookups
  // answer with the records (DirectoryIndexStore.reload). The names (type-ahead) follow, timed apart.
  const syncSeconds = (Date.now() - t0) / 1000;
  const mainThreadCpuMsDuringSync = (await threadMs()) - cpu0;
  const probeSamples = await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.stopProbe());
  const lookupDuringSync = percentiles(probeSamples);
  const longTasksDuringSync = await page.evaluate(() =>
    (window as unknown as BenchWindow).__callsignBench.takeLongTasks(),
  );
  const tSynced = Date.now();
  await page.waitForFunction(() => (window as unknown as BenchWindow).__callsignBench?.ready(), undefined, {
    timeout: 900_000,
    polling: 50,
  });
  const namesReadyAfterSyncMs = Date.now() - tSynced;
  if (process.env.BENCH_TRACE) await browser.stopTracing();
  const longTasksWhileNamesLoad = await page.evaluate(() =>
    (window as unknown as BenchWindow).__callsignBench.takeLongTasks(),
  );
  // Bytes of a first sync: compressed on the wire (server → main), and as JSON text (main → worker).
  const {
    wire: syncBytes,
    text: syncTextBytes,
    changes: syncedChanges,
  } = await firstSyncBytes(stack.serverUrl, password);
  const writeFloorMs = Math.round(
    await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.writeFloor()),
  );
  const pullFloor = await page.evaluate(
    (limit) => (window as unknown as BenchWindow).__callsignBench.pullFloor(limit),
    5000, // the desktop's SYNC_PAGE_SIZE
  );
  const pullFloorMs = Math.round(pullFloor.ms);
  if (pullFloor.changes !== syncedChanges)
    throw new Error(`bench: the pull floor read ${pullFloor.changes} changes, the sync ${syncedChanges}`);
  console.log({
    syncSeconds,
    mainThreadCpuMsDuringSync,
    writeFloorMs,
    pullFloorMs,
    syncBytes,
    syncTextBytes,
    longTasksDuringSync,
    lookupDuringSync,
    namesReadyAfterSyncMs,
    longTasksWhileNamesLoad,
  });
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
  // The sync worker's own user timing (parse + validate, the page's transaction, keys, lines).
  const workerNames = [
    'sync.write.parse',
    'sync.write.validate',
    'sync.write.commit',
    'sync.write.sites',
    'sync.write.profiles',
    'sync.write.profiles.read',
    'sync.write.references',
    'sync.write.keys',
    'sync.write.lines',
    'sync.finish.lines',
    'sync.finish.snapshot',
  ];
  const workerBreakdown: Record<string, number> = {};
  for (const w of page.workers()) {
    const sums = await w.evaluate(
      (names) => names.map((n) => Math.round(performance.getEntriesByName(n).reduce((t, e) => t + e.duration, 0))),
      workerNames,
    );
    sums.forEach((v, i) => (workerBreakdown[workerNames[i]!] = (workerBreakdown[workerNames[i]!] ?? 0) + v));
  }
  const reloadMs = await page.evaluate(() =>
    Math.round(performance.getEntriesByName('sync.bulk-reload').reduce((t, e) => t + e.duration, 0)),
  );
  Object.assign(breakdown, { bulkReloadMs: reloadMs, worker: workerBreakdown });
  console.log('Sync breakdown (ms):', breakdown);
  console.log(
    `Initial sync + index: ${syncSeconds.toFixed(1)} s`,
    await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.stats()),
  );

  const sample: {
    phones: string[];
    emails: string[];
    domains: string[];
    names: string[];
    shared: string[];
    siteNames: string[];
  } = await page.evaluate((n) => (window as unknown as BenchWindow).__callsignBench.sample(n), QUERIES);
  // 80% hits (a tenth of them numbers shared by two sites, when the directory has any), 20% misses.
  const hitsWanted = Math.round(QUERIES * (1 - MISS_SHARE));
  const sharedWanted = Math.min(sample.shared.length, Math.round(hitsWanted / 10));
  const phones = shuffle([
    ...formatVariants(sample.phones, hitsWanted - sharedWanted),
    ...formatVariants(sample.shared, sharedWanted),
    ...formatVariants(missNumbers(QUERIES - hitsWanted), QUERIES - hitsWanted),
  ]);
  const emails = cycle(sample.emails, QUERIES);
  const domains = cycle(sample.domains, QUERIES);
  const prefixes = cycle(
    sample.names.map((n) => n.slice(0, 4)),
    QUERIES,
  );
  // The first keystrokes of a name: one word of two letters ("Da"), the most records to choose from.
  const twoLetters = cycle(
    sample.names.map((n) => n.slice(0, 2)),
    QUERIES,
  );
  // A name being typed in full: the first name and the last name's initial ("Dana R"), the keystroke a
  // short last word is slowest on (directorySearch.ts SHORT_WORD).
  const initials = cycle(
    sample.names.map((n) => n.slice(0, n.indexOf(' ') + 2)),
    QUERIES,
  );
  const words = cycle(
    ['printer', 'vpn', 'outlook', 'password', 'backup', 'teams', 'scanner', 'wifi', 'license', 'onedrive'],
    QUERIES,
  );

  const timeIdentify = async (inputs: string[]) => {
    const r = await page.evaluate(
      ({ inputs, batch }) => {
        const h = (window as unknown as BenchWindow).__callsignBench;
        h.identifyEach(inputs, batch); // warm-up, not measured
        return h.identifyEach(inputs, batch);
      },
      { inputs, batch },
    );
    return { ...percentiles(r.times, inputs.length), hits: r.found, ambiguous: r.ambiguous };
  };
  const timeSearch = async (inputs: string[], kind: string) =>
    percentiles(
      await page.evaluate(
        ({ inputs, kind, batch }) => {
          const h = (window as unknown as BenchWindow).__callsignBench;
          h.searchEach(inputs, kind, batch); // warm-up, not measured
          return h.searchEach(inputs, kind, batch);
        },
        { inputs, kind, batch },
      ),
      inputs.length,
    );

  const exactPhone = await timeIdentify(phones);
  const exactEmail = await timeIdentify(emails);
  const domain = await timeIdentify(domains);
  const typeahead = await timeSearch(prefixes, 'typeahead');
  const typeaheadNameInitial = await timeSearch(initials, 'typeahead');
  const typeaheadTwoLetters = await timeSearch(twoLetters, 'typeahead');
  const fulltext = await timeSearch(words, 'fulltext');
  // The Sites page filter as a site name is typed into it, a letter at a time (1–6 letters).
  const siteQueries = sample.siteNames.slice(0, 100).flatMap((n) => [1, 2, 3, 4, 5, 6].map((k) => n.slice(0, k)));
  const siteFilterRun = await page.evaluate(
    (queries) => (window as unknown as BenchWindow).__callsignBench.siteFilterEach(queries),
    siteQueries,
  );
  const siteFilter = {
    sites,
    openMs: Math.round(siteFilterRun.openMs),
    firstKeyMs: Math.round(siteFilterRun.firstKeyMs),
    ...percentiles(siteFilterRun.times, siteQueries.length),
  };
  console.log('Sites page filter (ms):', siteFilter);
  const remote: number[] = [];
  for (const p of phones)
    remote.push(
      await page.evaluate((phone) => (window as unknown as BenchWindow).__callsignBench.remoteLookup({ phone }), p),
    );
  const serverRoundTrip = percentiles(remote);

  // Incremental: 100 profiles get a new number on the server; time from "sync now" to the last one found.
  const changed = (await page.evaluate(
    (n) => (window as unknown as BenchWindow).__callsignBench.profilesToChange(n),
    CHANGED,
  )) as Array<Record<string, unknown>>;
  const fresh = missNumbers(changed.length);
  const serverDb = await openDatabase(join(dir, 'server', 'callsign.sqlite'));
  const store = new DirectoryStore(serverDb.db, Date.now);
  for (const [i, p] of changed.entries())
    await store.upsertProfile({ ...p, phones: [{ number: fresh[i]!, type: 'mobile', country: MISS_COUNTRY }] });
  await serverDb.close();
  const cpuInc0 = await threadMs();
  const incrementalMs = Math.round(
    await page.evaluate(
      (phone) => (window as unknown as BenchWindow).__callsignBench.syncUntilFound(phone),
      fresh[changed.length - 1]!,
    ),
  );
  const incrementalCpuMs = (await threadMs()) - cpuInc0;
  console.log({ incrementalMs, incrementalCpuMs, changedProfiles: changed.length });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const heapMB = Math.round(heap.usedSize / 1048576);
  const ratio = Math.round((serverRoundTrip.p95 / Math.max(exactPhone.p95, 0.0001)) * 10) / 10;

  // Restart with a full cache: the renderer is closed and a new one opened on the same profile (as
  // an app restart: the old page's 200 MB heap is not torn down inside the measured time, which a
  // reload would add), then the moments exact lookups and names became ready. The caller index is
  // saved at an idle moment after the incremental sync: a restart before that would time the slow
  // path, which is not what this figure is about.
  await page.evaluate(() => (window as unknown as BenchWindow).__callsignBench.persisted());
  await page.close();
  const warmPage = await context.newPage();
  // BENCH_WARM_PROFILE=file.cpuprofile records the renderer's CPU profile of the restart (warm start).
  const warmCdp = process.env.BENCH_WARM_PROFILE ? await context.newCDPSession(warmPage) : null;
  if (warmCdp) {
    await warmCdp.send('Profiler.enable');
    await warmCdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await warmCdp.send('Profiler.start');
  }
  // BENCH_WARM_TRACE=file.json records a Chrome trace of the restart.
  if (process.env.BENCH_WARM_TRACE) await startTrace(warmPage, process.env.BENCH_WARM_TRACE);
  await warmPage.goto(url);
  await warmPage.waitForFunction(
    () => (window as unknown as BenchWindow).__callsignBench?.readyAt().exact !== undefined,
    undefined,
    {
      timeout: 120_000,
      polling: 10,
    },
  );
  const warm = await warmPage.evaluate(
    (phone) => {
      const h = (window as unknown as BenchWindow).__callsignBench;
      const t0 = performance.now();
      const found = h.identifyEach([phone], 1).found;
      // Where the time before exact-ready went: app start vs the snapshot restore itself.
      const restore = performance.getEntriesByName('directory.restore')[0];
      const loadStart = performance.getEntriesByName('directory.load-start')[0]?.startTime;
      const stages = restore
        ? { loadStartMs: loadStart, restoreStartMs: restore.startTime, restoreMs: restore.duration }
        : {};
      return { exact: h.readyAt().exact!, lookup: performance.now() - t0, found, ...stages };
      // A number the incremental step just wrote: the sample's numbers may belong to the changed profiles.
    },
    fresh[changed.length - 1]!,
  );
  if (process.env.BENCH_WARM_TRACE) await browser.stopTracing();
  if (warmCdp) {
    const { profile } = await warmCdp.send('Profiler.stop');
    writeFileSync(process.env.BENCH_WARM_PROFILE!, JSON.stringify(profile));
    console.log(`CPU profile of the warm start: ${process.env.BENCH_WARM_PROFILE}`);
  }
  if (!warm.found) throw new Error('bench: the first lookup after the restart found nothing');
  const warmStartMs = Math.round(warm.exact + warm.lookup);
  const warmStart = {
    // navigation → the directory's load begins (the entry chunk evaluated); → the snapshot is read.
    loadStartMs: Math.round(warm.loadStartMs ?? NaN),
    restoreStartMs: Math.round(warm.restoreStartMs ?? NaN),
    restoreMs: Math.round(warm.restoreMs ?? NaN),
  };
  await warmPage.waitForFunction(
    () => (window as unknown as BenchWindow).__callsignBench.readyAt().names !== undefined,
    undefined,
    {
      timeout: 900_000,
      polling: 50,
    },
  );
  const typeaheadReadyMs = Math.round(
    await warmPage.evaluate(() => (window as unknown as BenchWindow).__callsignBench.readyAt().names!),
  );
  console.log({ warmStartMs, warmStart, typeaheadReadyMs });

  // National-format numbers across countries (issue 13): the generated directory above is one
  // country's, so this row runs bench/lookupCountries.ts (a 12-country directory on the same shared
  // index code, per-query timing in Node) and reads its result.
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lookupCountries.ts')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const countries = JSON.parse(readFileSync(join(import.meta.dirname, 'results/lookup-countries.json'), 'utf8')) as {
    countries: string[];
    rows: Record<'nationalNoHint' | 'nationalWrongHint', Percentiles>;
  };
  const nationalAcrossCountries = countries.rows.nationalNoHint;

  const row = (name: string, p: Percentiles | null): [string, string, string, string, string] =>
    p ? [name, String(p.n), String(p.p50), String(p.p95), String(p.p99)] : [name, '—', 'n/a', 'n/a', 'n/a'];
  printTable(
    `Lookup at ${profiles.toLocaleString()} profiles — sync ${syncSeconds.toFixed(1)} s, heap ${heapMB} MB, ratio ${ratio}×`,
    [
      row('lookup during sync (probe latency)', lookupDuringSync),
      row(`exact phone (formats, ${exactPhone.hits} hits, ${exactPhone.ambiguous} ambiguous)`, exactPhone),
      row('exact email', exactEmail),
      row('email domain', domain),
      row('type-ahead prefix', typeahead),
      row('type-ahead name + initial ("Dana R")', typeaheadNameInitial),
      row('type-ahead two letters ("Da")', typeaheadTwoLetters),
      row('reference full-text', fulltext),
      row(`sites page filter keystroke (${sites.toLocaleString()} sites)`, siteFilter),
      row('server round trip /v1/lookup', serverRoundTrip),
      row(`national format, ${countries.countries.length} countries, no hint (Node)`, nationalAcrossCountries),
    ],
  );
  const result = {
    profiles,
    sites,
    references,
    timing: isolated ? 'per-query (crossOriginIsolated)' : 'batch10 (not isolated)',
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    syncSeconds,
    nationalAcrossCountries,
    syncBreakdown: breakdown,
    writeFloorMs,
    syncToFloor: Math.round(((syncSeconds * 1000) / Math.max(1, writeFloorMs)) * 100) / 100,
    pullFloorMs,
    syncBytes,
    syncTextBytes,
    mainThreadCpuMsDuringSync,
    longTasksDuringSync,
    lookupDuringSync,
    namesReadyAfterSyncMs,
    longTasksWhileNamesLoad,
    warmStartMs,
    warmStart,
    incrementalCpuMs,
    typeaheadReadyMs,
    incrementalMs,
    heapMB,
    exactPhone,
    exactEmail,
    domain,
    typeahead,
    typeaheadNameInitial,
    typeaheadTwoLetters,
    fulltext,
    siteFilter,
    serverRoundTrip,
    ratio,
  };
  if (profiles !== 100_000) writeResult(`lookup-${profiles}`, result);
  // Growth beside the 100k figures: lookup.json keeps a `scaling` row per size run (250k: the lead's
  // quiet-machine run), so sync time and heap at 100k and 250k read side by side.
  recordScaling(profiles, result);
} finally {
  for (const c of children.reverse()) c.kill();
  rmSync(dir, { recursive: true, force: true });
}

function recordScaling(size: number, r: Record<string, unknown>) {
  const file = join(import.meta.dirname, 'results/lookup.json');
  let main: Record<string, unknown> = {};
  try {
    main = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    console.warn(`bench: no readable ${file} yet; the scaling row starts it`, err);
  }
  const keep = [
    'loadAverage',
    'syncSeconds',
    'mainThreadCpuMsDuringSync',
    'writeFloorMs',
    'syncToFloor',
    'pullFloorMs',
    'syncBytes',
    'longTasksDuringSync',
  ];
  keep.push(
    'lookupDuringSync',
    'namesReadyAfterSyncMs',
    'warmStartMs',
    'typeaheadReadyMs',
    'incrementalMs',
    'heapMB',
    'exactPhone',
    'typeahead',
    'typeaheadNameInitial',
    'typeaheadTwoLetters',
    'siteFilter',
  );
  const scaling = (main.scaling ?? {}) as Record<string, unknown>;
  scaling[String(size)] = Object.fromEntries(keep.map((k) => [k, r[k]]));
  // The 100k run is the file's body; other sizes only add their row.
  writeResult('lookup', { ...(size === 100_000 ? r : main), scaling });
}

/** Deterministic shuffle (hits, shared and misses interleaved). */
function shuffle<T>(items: T[]): T[] {
  let seed = 7;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function cycle<T>(items: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => items[i % items.length]!);
}

/** The same numbers as callers and caller-ID systems write them: international, E.164, dotted, national, tel: URI. */
function formatVariants(raw: string[], n: number): string[] {
  return cycle(raw, n).map((number, i) => {
    const e = normalizePhone(number, 'US');
    if (!e.ok) return number;
    const p = parsePhoneNumberWithError(e.e164);
    switch (i % 5) {
      case 0:
        return p.formatInternational();
      case 1:
        return p.number;
      case 2:
        return p.formatInternational().replace(/ /g, '.');
      case 3:
        // National format: read with the directory's default country (the most common site country).
        return p.country === 'US' ? p.formatNational() : p.formatInternational();
      default:
        return `tel:${p.formatInternational().replace(/ /g, '-')}`;
    }
  });
}
