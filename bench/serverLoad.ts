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

/** One autocannon run; `paths` are requested in order by every connection, round and round. */
export function load(
  base: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
  paths: { fixed: string[] } | { random: () => string },
): Promise<autocannon.Result> {
  const requests =
    'fixed' in paths
      ? paths.fixed.map((path) => ({ method: 'GET' as const, path }))
      : [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: paths.random() }) }];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, headers, requests }, (err, result) =>
      err ? reject(err) : resolve(result),
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
