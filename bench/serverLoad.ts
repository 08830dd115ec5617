/**
 * Helpers of bench/server.ts: autocannon runs, a walk of the change log as a desktop does it, and
 * the CPU time of the server's process tree (tsx starts the server as a child of its own process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import autocannon from 'autocannon';

export interface LoadRow {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Server CPU (user + system, all its processes) per answered request. */
  serverCpuMsPerRequest: number;
}

/** Latency of the responses that arrived in one window of a run (ms since the run started). */
export interface WindowRow {
  window: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

/** Windows of a run, so a slow start (pages built cold) shows apart from the steady state. */
const WINDOWS_MS = [0, 2000, 5000, 10_000, Infinity];

export function byWindow(samples: ReadonlyArray<{ at: number; ms: number }>): WindowRow[] {
  return WINDOWS_MS.slice(0, -1).map((from, i) => {
    const to = WINDOWS_MS[i + 1]!;
    const ms = samples
      .filter((s) => s.at >= from && s.at < to)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
    return {
      window: `${from / 1000}–${to === Infinity ? 'end' : to / 1000} s`,
      requests: ms.length,
      p50: Math.round(at(0.5)),
      p99: Math.round(at(0.99)),
      max: Math.round(ms.at(-1) ?? NaN),
    };
  });
}

/**
 * One autocannon run; `paths` are requested in order by every connection, round and round.
 * `samples`, when given, receives every response's latency with when it arrived.
 */
export function load(
  base: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
  paths: { fixed: string[] } | { random: () => string },
  samples?: Array<{ at: number; ms: number }>,
): Promise<autocannon.Result> {
  const requests =
    'fixed' in paths
      ? paths.fixed.map((path) => ({ method: 'GET' as const, path }))
      : [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: paths.random() }) }];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, headers, requests }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
    const started = performance.now();
    if (samples)
      instance.on('response', (_client, _status, _bytes, ms: number) =>
        samples.push({ at: performance.now() - started, ms }),
      );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

export function row(r: autocannon.Result, cpuSeconds: number): LoadRow {
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    serverCpuMsPerRequest: r.requests.total > 0 ? Math.round((cpuSeconds * 1e6) / r.requests.total) / 1000 : NaN,
  };
}

/** GET without decoding: the status, headers and body bytes exactly as sent. */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; encoding?: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ...(res.headers['content-encoding'] ? { encoding: res.headers['content-encoding'] } : {}),
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** User + system CPU seconds of `pid` and all its descendants (Linux /proc). */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(' ') : []) visit(Number(c));
      }
    } catch (e) {
      // A process that exited between listing and reading has no CPU left to count.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  };
  visit(pid);
  return ticks / 100; // USER_HZ
}
