/**
 * The client side of `npm run bench:vault`, run as its own process so the server's event loop and
 * CPU serve requests only. N NOC clients (noc<c>@bench.demo), each cycling over its own accounts
 * bench-<c>-<a>: check out → check in → next account, until the deadline, over keep-alive loopback
 * HTTP (node:http, one socket per client). Prints `start` once every client has signed in and the
 * timed run begins (the server measures its CPU from there), then one `result {json}` line.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentiles } from './support.js';

const base = new URL(process.env.BENCH_BASE!);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const perClient = Number(process.env.BENCH_PER_CLIENT ?? 5);
const password = process.env.BENCH_PASSWORD!;
// The pace of one NOC user: how long the password is in use before the check-in, and the pause
// before the next check-out. 0/0 = back-to-back (saturation: latency is then clients ÷ throughput).
const holdMs = Number(process.env.BENCH_HOLD_MS ?? 0);
const pauseMs = Number(process.env.BENCH_PAUSE_MS ?? 0);
const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
type Answer = { accessToken?: string; leaseId?: string; error?: { code: string } };
const agent = new Agent({ keepAlive: true, maxSockets: clients });

function post(
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: Answer | null }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Answer) : null });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const checkoutMs: number[] = [];
const checkinMs: number[] = [];
let errors = 0;
let busy = 0;
const errorSamples: string[] = [];
const sample = (s: string) => void (errorSamples.length < 5 && errorSamples.push(s));

async function signIn(c: number): Promise<string> {
  const res = await post('/v1/auth/login', {}, JSON.stringify({ email: `noc${c}@bench.demo`, password }));
  if (res.status !== 200) throw new Error(`sign-in of noc${c} failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json!.accessToken!;
}

async function client(c: number, token: string, until: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const body = JSON.stringify({ reason: 'Bench maintenance', ticket: `BENCH-${c}` });
  // Paced users do not start or pause in lock-step (that would send all 50 check-outs in the same
  // millisecond every cycle): a random start within one cycle, and pauses of 0.5–1.5× pauseMs.
  await sleep(Math.random() * (holdMs + pauseMs));
  for (let n = 0; performance.now() < until; n++) {
    const id = `bench-${c}-${n % perClient}`;
    try {
      let t0 = performance.now();
      const out = await post(`/v1/credentials/${id}/checkout`, headers, body);
      if (out.status === 409 && out.json?.error?.code === 'rotation_pending') {
        busy++;
        continue;
      }
      if (out.status !== 201 || !out.json?.leaseId) {
        errors++;
        sample(`checkout ${out.status} ${JSON.stringify(out.json)}`);
        continue;
      }
      checkoutMs.push(performance.now() - t0);
      await sleep(holdMs);
      t0 = performance.now();
      const back = await post(`/v1/leases/${out.json.leaseId}/checkin`, headers);
      if (back.status !== 200) {
        errors++;
        sample(`checkin ${back.status} ${JSON.stringify(back.json)}`);
        continue;
      }
      checkinMs.push(performance.now() - t0);
      await sleep(Math.min(pauseMs * (0.5 + Math.random()), until - performance.now()));
    } catch (e) {
      errors++;
      sample(String(e));
    }
  }
}

const tokens: string[] = [];
for (let c = 0; c < clients; c++) tokens.push(await signIn(c));
console.log('start');
const until = performance.now() + seconds * 1000;
await Promise.all(tokens.map((token, c) => client(c, token, until)));
console.log(
  `result ${JSON.stringify({ checkoutMs: percentiles(checkoutMs), checkinMs: percentiles(checkinMs), errors, busy, errorSamples })}`,
);
agent.destroy();
