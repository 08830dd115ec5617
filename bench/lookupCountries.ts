/**
 * `npm run bench:lookup-countries` — national-format caller ID across countries, on the shared caller
 * index in Node (the same code the renderer and the server run). Builds a directory of sites in 12
 * countries (US-majority, as a US MSP with European and Asia-Pacific clients), then times
 * `identifyCaller` one query at a time for numbers written as their own country writes them, with no
 * hint, with the right hint and with a wrong one, plus the international baseline. Reports wall
 * time and CPU time per query (the machine may be shared: compare CPU with the load average).
 * Writes bench/results/lookup-countries.json.
 *   BENCH_PROFILES=100000 npm run bench:lookup-countries
 */
import { cpus, loadavg } from 'node:os';
import { getExampleNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { createCallerIndex, identifyCaller } from '../src/shared/identify/index.js';
import { percentiles, printTable, writeResult, type Percentiles } from './support.js';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 20_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);
/** Site share per country: a US majority, so most numbers are national in a minority country. */
const WEIGHTS: Array<[CountryCode, number]> = [
  ['US', 40],
  ['GB', 10],
  ['DE', 8],
  ['FR', 8],
  ['AU', 6],
  ['NL', 5],
  ['IT', 5],
  ['ES', 5],
  ['CH', 4],
  ['JP', 3],
  ['IN', 3],
  ['BR', 3],
];

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

interface Stored {
  country: CountryCode;
  national: string;
  international: string;
}

function build() {
  const random = rng(13);
  const index = createCallerIndex();
  const stored: Stored[] = [];
  const bag = WEIGHTS.flatMap(([c, w]) => Array<CountryCode>(w).fill(c));
  const sites = Math.max(WEIGHTS.length, Math.round(PROFILES / 10));
  const siteCountry: CountryCode[] = [];
  for (let s = 0; s < sites; s++) {
    const country = s < WEIGHTS.length ? WEIGHTS[s]![0] : bag[Math.floor(random() * bag.length)]!;
    siteCountry.push(country);
    index.upsertSite({ id: `s${s}`, country, mainPhones: [], noClientEmailDomain: false });
  }
  const seen = new Set<string>();
  for (let p = 0; stored.length < PROFILES && p < PROFILES * 3; p++) {
    const site = Math.floor(random() * sites);
    const country = siteCountry[site]!;
    const example = getExampleNumber(country, examples)!.number;
    const digits = String(Math.floor(random() * 1e6)).padStart(6, '0');
    const parsed = parsePhoneNumberWithError(example.slice(0, -6) + digits);
    if (!parsed.isValid() || seen.has(parsed.number)) continue;
    seen.add(parsed.number);
    const national = parsed.formatNational();
    // Stored as people type them: half national, half international.
    index.upsertProfile({
      id: `p${p}`,
      siteId: `s${site}`,
      phones: [{ number: p % 2 ? national : parsed.number, type: 'mobile' }],
    });
    stored.push({ country, national, international: parsed.formatInternational() });
  }
  return { index, stored };
}

function measure(run: (i: number) => void): Percentiles & { cpuMicrosPerQuery: number } {
  for (let i = 0; i < 200; i++) run(i); // warm-up (JIT, libphonenumber's lazy metadata)
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    run(i);
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...percentiles(samples), cpuMicrosPerQuery: Math.round(((cpu.user + cpu.system) / QUERIES) * 10) / 10 };
}

const t0 = performance.now();
const { index, stored } = build();
const buildMs = Math.round(performance.now() - t0);
const pick = (i: number) => stored[(i * 7919) % stored.length]!;
const countries = WEIGHTS.map(([c]) => c);
const found = (outcome: ReturnType<typeof identifyCaller>) => {
  if (!outcome.ok || outcome.result.candidates.length === 0) throw new Error('a stored number was not found');
};

const runs = {
  nationalNoHint: (i: number) => found(identifyCaller(index, pick(i).national)),
  nationalRightHint: (i: number) => found(identifyCaller(index, pick(i).national, { country: pick(i).country })),
  nationalWrongHint: (i: number) =>
    found(identifyCaller(index, pick(i).national, { country: countries[(i + 1) % countries.length]! })),
  international: (i: number) => found(identifyCaller(index, pick(i).international)),
};
// Warm every path first, so the first row does not pay for the JIT and the build's garbage.
for (const run of Object.values(runs)) for (let i = 0; i < 1000; i++) run(i);
const rows = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, measure(run)]));
const load = loadavg().map((x) => Math.round(x * 100) / 100);
printTable(
  `caller ID across ${countries.length} countries: ${stored.length} numbers, index built in ${buildMs} ms (load ${load.join(' ')} on ${cpus().length} cores)`,
  Object.entries(rows).map(([name, r]) => [
    `${name} (cpu ${r.cpuMicrosPerQuery} µs/q)`,
    String(r.n),
    String(r.p50),
    String(r.p95),
    String(r.p99),
  ]),
);
writeResult('lookup-countries', {
  at: new Date().toISOString(),
  numbers: stored.length,
  countries,
  buildMs,
  loadavg: load,
  cores: cpus().length,
  budget: { p95Ms: 2 },
  rows,
});
