/**
 * `npm run bench:cti` — incoming calls end to end on loopback: the server in its own process
 * (bench/ctiServer.ts, SQLite file) and, in this process, main's real call-stream client
 * (SessionService + CtiStreamClient over a WebSocket, signed in as the technician with extension 201)
 * plus a phone system posting `POST /v1/cti/events` at 200 events/s for 20 s: 50 calls a second, each
 * newCall, a second newCall leg, answer, hangup in order. Latency is event sent → push delivered to
 * the stream client's `onCall` (both clocks in this process). Lost = events accepted (202) but never
 * pushed. Writes bench/results/cti.json. BENCH_SECONDS / BENCH_RATE shrink it.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { stopAll, startTs } from '../scripts/processes.js';
import { ApiClient } from '../src/main/services/apiClient.js';
import { CtiStreamClient, webSocketOpener } from '../src/main/services/ctiStream.js';
import { MemorySecretStore } from '../src/main/services/secretStore.js';
import { SessionService } from '../src/main/services/sessionService.js';
import { percentiles, printTable, writeResult } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rate = Number(process.env.BENCH_RATE ?? 200);
const PER_CALL = ['newCall', 'newCall', 'answer', 'hangup'] as const;

const { match, child } = await startTs('bench/ctiServer.ts', [], /CTI_BENCH_READY (\d+) (\S+)/);
const base = `http://127.0.0.1:${match[1]}`;
const token = match[2]!;

const session = new SessionService(new ApiClient(() => base), new MemorySecretStore(), () => base);
await session.login('tech@bench.demo', 'bench-Password-1');
const sentAt = new Map<string, number>();
const latencies: number[] = [];
let pushed = 0;
const stream = new CtiStreamClient({
  open: webSocketOpener(),
  session,
  serverUrl: () => base,
  onCall: (push) => {
    const sent = sentAt.get(`${push.call.callId}#${push.event}`);
    if (sent !== undefined) latencies.push(performance.now() - sent);
    pushed++;
  },
  logError: (m, e) => console.error(m, e),
});
stream.start();
while (!stream.connected) await new Promise((r) => setTimeout(r, 20));

let accepted = 0;
let failed = 0;
const post = async (body: object) => {
  const res = await fetch(`${base}/v1/cti/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status === 202) accepted++;
  else failed++;
};

const callsPerSecond = rate / PER_CALL.length;
const totalCalls = Math.round(callsPerSecond * seconds);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const inFlight: Array<Promise<void>> = [];
for (let c = 0; c < totalCalls; c++) {
  const due = started + (c * 1000) / callsPerSecond;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const callId = `bench-${c}`;
  inFlight.push(
    (async () => {
      for (const [i, event] of PER_CALL.entries()) {
        // The second newCall leg is timed from the first: both push, the latency is of the first.
        if (i !== 1) sentAt.set(`${callId}#${event}`, performance.now());
        await post({ event, from: '+12065550101', to: '201', direction: 'in', callId, user: ['201'] });
      }
    })(),
  );
}
await Promise.all(inFlight);
const sendSeconds = (performance.now() - started) / 1000;
const expected = totalCalls * PER_CALL.length;
const deadline = performance.now() + 10_000;
while (pushed < accepted && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const cpu = process.cpuUsage(cpuBefore);
stream.stop();
child.kill('SIGTERM');
stopAll();

const lat = percentiles(latencies);
const result = {
  at: new Date().toISOString(),
  seconds,
  targetEventsPerSecond: rate,
  achievedEventsPerSecond: Math.round(expected / sendSeconds),
  events: expected,
  accepted,
  failed,
  pushed,
  lost: accepted - pushed,
  latencyMs: lat,
  clientCpuMsPerEvent: Math.round(((cpu.user + cpu.system) / 1000 / expected) * 1000) / 1000,
  loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  cpus: cpus().length,
};
printTable(`cti: ${rate} events/s for ${seconds} s, loopback, server in its own process (SQLite)`, [
  ['event → stream client', String(lat.n), lat.p50.toFixed(2), lat.p95.toFixed(2), lat.p99.toFixed(2)],
]);
console.log(
  `accepted ${accepted}/${expected}, failed ${failed}, pushed ${pushed}, lost ${result.lost}; load ${result.loadAverage.join(' ')}`,
);
writeResult('cti', result);
process.exit(result.lost === 0 && failed === 0 ? 0 : 1);
