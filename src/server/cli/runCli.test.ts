import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import type { CliIo } from './io.js';
import { runCli } from './runCli.js';
import { serveCommand } from './serveCommand.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-cli-'));
  dirs.push(d);
  return d;
};

function captureIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  return { stdin: new PassThrough(), stdout, stderr, env, out: () => out, err: () => err };
}

describe('callsign-server CLI', () => {
  it('exits 2 with the usage text for an unknown command, an unknown flag or a bad value', async () => {
    for (const argv of [[], ['frobnicate'], ['serve', '--prot', '1'], ['generate', '--sites', 'many']]) {
      const io = captureIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toContain('Usage: callsign-server');
    }
    const help = captureIo();
    expect(await runCli(['help'], help)).toBe(0);
    expect(help.out()).toContain('generate');
  });

  it('dispatches evaluate to evaluateCommand', async () => {
    const io = captureIo();
    expect(await runCli(['evaluate', '/nonexistent/decisions.jsonl'], io)).toBe(2);
    expect(io.err()).toContain('evaluate:');
  });

  it('generate loads a directory and reports counts and seconds', async () => {
    const dir = tempDir();
    const io = captureIo();
    expect(
      await runCli(
        ['generate', '--sites', '20', '--profiles', '300', '--references', '40', '--seed', '5', '--data-dir', dir],
        io,
      ),
    ).toBe(0);
    expect(io.out()).toMatch(/Loaded 25 sites, 303 profiles, 45 references .* in \d+\.\d+ s/);
    const database = await openDatabase(join(dir, 'callsign.sqlite'));
    expect(
      (database.sqlite.prepare("select count(*) as n from changes where kind != 'policy'").get() as { n: number }).n,
    ).toBe(25 + 303 + 45);
    // Site approval rules: the 5 fixture sites and a share of the generated ones.
    const policies = (
      database.sqlite.prepare("select count(*) as n from changes where kind = 'policy'").get() as { n: number }
    ).n;
    expect(policies).toBeGreaterThan(5);
    expect(policies).toBeLessThan(25);
    await database.close();
  });

  it('serve --demo seeds once, prints the accounts and the real port, then serves', async () => {
    const dir = tempDir();
    const stop = new AbortController();
    const io = captureIo({ CALLSIGN_DEMO_PASSWORD: 'demo-pass-123' });
    const done = serveCommand(['--demo', '--port', '0', '--data-dir', dir], io, stop.signal);
    let url = '';
    for (let i = 0; i < 600 && !url; i++) {
      await new Promise((r) => setTimeout(r, 50));
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1] ?? '';
    }
    expect(url).not.toBe('');
    expect(io.out()).toContain(
      'Demo accounts: tech@callsign.demo / noc@callsign.demo / supervisor@callsign.demo / admin@callsign.demo',
    );
    expect(io.out()).not.toContain('demo-pass-123');
    expect(io.err()).not.toContain('demo-pass-123');
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tech@callsign.demo', password: 'demo-pass-123' }),
    });
    expect(login.status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
  }, 60_000); // seeding hashes the demo passwords at the production scrypt cost

  it('serve --demo generates a random password when none is given and prints it once', async () => {
    const dir = tempDir();
    for (const round of [1, 2]) {
      const stop = new AbortController();
      const io = captureIo();
      const done = serveCommand(['--demo', '--port', '0', '--data-dir', dir], io, stop.signal);
      for (let i = 0; i < 600 && !io.out().includes('listening on'); i++) await new Promise((r) => setTimeout(r, 50));
      const password = /password: (\S+)/.exec(io.out())?.[1];
      if (round === 1) expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      else expect(password).toBeUndefined();
      stop.abort();
      await done;
    }
  }, 60_000); // seeding hashes the demo passwords at the production scrypt cost
});
