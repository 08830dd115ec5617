import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from './serveCommand.js';
import { captureIo } from './testing/runCliCaptured.testkit.js';
import { humanLine } from '../../shared/logging/humanLine.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-logs-'));
  dirs.push(d);
  return d;
};

async function until(check: () => boolean) {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('serve --log-file', () => {
  it('writes request logs to a 0600 file and keeps the console to readable warnings', async () => {
    const dir = tempDir();
    const file = join(dir, 'logs', 'server.log');
    const io = captureIo();
    const stop = new AbortController();
    const done = serveCommand(['--port', '0', '--data-dir', dir, '--log-file', file], io, stop.signal);
    await until(() => io.out().includes('listening on'));
    const url = /listening on (http:\/\/\S+)/.exec(io.out())![1];
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/v1/health`)).status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);

    expect(io.out()).toContain(`Server logs: ${file}`);
    const logged = readFileSync(file, 'utf8');
    expect(logged.match(/"url":"\/v1\/health"/g)?.length).toBeGreaterThanOrEqual(5);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The console: no JSON request lines, but the vault-off warning as a sentence.
    expect(io.err()).not.toContain('/v1/health');
    expect(io.err()).not.toContain('{"level"');
    expect(io.err()).toMatch(/^Callsign server warning: the credential vault is off/m);
  }, 60_000);

  it('without --log-file logs stay JSON on stderr (for systemd and containers)', async () => {
    const dir = tempDir();
    const io = captureIo();
    const stop = new AbortController();
    const done = serveCommand(['--port', '0', '--data-dir', dir], io, stop.signal);
    await until(() => io.out().includes('listening on'));
    const url = /listening on (http:\/\/\S+)/.exec(io.out())![1];
    await fetch(`${url}/v1/health`);
    stop.abort();
    await done;
    expect(io.err()).toContain('"url":"/v1/health"');
  }, 60_000);

  it('a taken port ends with a sentence saying what to do, not a stack trace', async () => {
    const dir = tempDir();
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const { port } = blocker.address() as { port: number };
    try {
      const io = captureIo();
      expect(await serveCommand(['--port', String(port), '--data-dir', dir], io)).toBe(1);
      expect(io.err()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(io.err()).toContain('--port');
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('turns a JSON log line into one sentence', () => {
    expect(humanLine('{"level":50,"msg":"could not send","err":{"message":"ECONNREFUSED"}}')).toBe(
      'Callsign server error: could not send (ECONNREFUSED)\n',
    );
    expect(humanLine('{"level":40,"msg":"socket closed","err":"EPIPE"}', 'Callsign')).toBe(
      'Callsign warning: socket closed (EPIPE)\n',
    );
    expect(humanLine('not json')).toBe('not json\n');
  });
});
