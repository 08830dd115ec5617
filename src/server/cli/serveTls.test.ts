import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { runCli } from './runCli.js';
import { serveCommand } from './serveCommand.js';
import { captureIo } from './testing/runCliCaptured.testkit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-tls-'));
  dirs.push(d);
  return d;
};

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) console.warn('serveTls.test.ts: openssl is not installed, so the HTTPS tests are skipped.');

/** A throw-away self-signed certificate for 127.0.0.1 (Node has no certificate generator). */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

async function startServe(args: string[]) {
  const stop = new AbortController();
  const io = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
  const done = serveCommand(args, io, stop.signal);
  let url = '';
  for (let i = 0; i < 300 && !url; i++) {
    await new Promise((r) => setTimeout(r, 50));
    url = /listening on (https?:\/\/[\d.]+:\d+)/.exec(io.out())?.[1] ?? '';
  }
  return { url, io, stop: async () => (stop.abort(), await done) };
}

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

describe('serve over TLS', () => {
  it.skipIf(!hasOpenssl)(
    'answers HTTPS with the given certificate, prints the https URL, and refuses plain HTTP',
    async () => {
      const dir = tempDir();
      const { cert, key } = selfSigned(dir);
      const server = await startServe(['--port', '0', '--data-dir', dir, '--tls-cert', cert, '--tls-key', key]);
      try {
        expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const ok = await get(`${server.url}/v1/health`, readFileSync(cert, 'utf8'));
        expect(ok.status).toBe(200);
        await expect(get(`${server.url.replace('https:', 'http:')}/v1/health`)).rejects.toThrow();
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );

  it.skipIf(!hasOpenssl)('explains an unreadable certificate and a cert without its key', async () => {
    const dir = tempDir();
    const io = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
    expect(
      await runCli(
        ['serve', '--data-dir', dir, '--tls-cert', join(dir, 'missing.pem'), '--tls-key', join(dir, 'k.pem')],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toMatch(/--tls-cert: cannot read .*missing\.pem/);
    const io2 = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
    expect(await runCli(['serve', '--data-dir', dir, '--tls-cert', join(dir, 'missing.pem')], io2)).toBe(2);
    expect(io2.err()).toMatch(/--tls-cert and --tls-key go together/);
  });
});

describe('serve on a non-loopback address', () => {
  it('refuses plain HTTP on another address unless --insecure-http is given, and says why', async () => {
    const dir = tempDir();
    const io = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
    expect(await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', dir], io)).toBe(2);
    expect(io.err()).toMatch(/in clear/);
    expect(io.err()).toMatch(/--tls-cert/);
    expect(io.err()).toMatch(/--insecure-http/);
  });

  it('starts with --insecure-http (a TLS proxy in front) and on loopback without TLS', async () => {
    const dir = tempDir();
    const server = await startServe(['--host', '0.0.0.0', '--insecure-http', '--port', '0', '--data-dir', dir]);
    expect(server.io.out()).toMatch(/listening on http:\/\/0\.0\.0\.0:\d+/);
    expect(server.io.err()).toMatch(/plain HTTP/);
    expect(await server.stop()).toBe(0);
  });
});

describe('serve --trust-proxy', () => {
  it('takes the client address from X-Forwarded-For only from the trusted proxy (audit trail and lockout key)', async () => {
    const dir = tempDir();
    const server = await startServe(['--port', '0', '--data-dir', dir, '--trust-proxy', '127.0.0.1,10.0.0.0/8']);
    try {
      const res = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.5' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
      });
      expect(res.status).toBe(401);
    } finally {
      await server.stop();
    }
    // The lockout uses the same address as the audit trail (request.ip); trustProxy.test.ts shows the separate lockouts.
    const database = await openDatabase(join(dir, 'callsign.sqlite'));
    const row = database.sqlite.prepare("select data from audit_log where type = 'auth.sign_in_failed'").get() as {
      data: string;
    };
    await database.close();
    expect(JSON.parse(row.data)).toMatchObject({ address: '203.0.113.5' });
  });

  it('rejects an address that is neither an IP nor a CIDR range', async () => {
    const io = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
    expect(await runCli(['serve', '--trust-proxy', '10.0.0.1,proxy.example', '--data-dir', tempDir()], io)).toBe(2);
    expect(io.err()).toMatch(/--trust-proxy: "proxy\.example" is not an IP address or CIDR range/);
  });
});
