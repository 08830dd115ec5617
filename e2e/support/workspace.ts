/**
 * A Callsign workspace for one test: its own data folders, the demo server on a fixed free port
 * (so it can be stopped and started again at the same address) and the web bridge in front of it.
 * Output of both processes is kept so tests can scan it for secrets.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, startTs } from '../../scripts/processes.js';

export const DEMO_PASSWORD = 'e2e-Demo-pass-7431';

/** Starts a demo-side process with the demo password, keeping its output for secret scans. */
const start = (entry: string, args: string[], ready: RegExp, output: string[]) =>
  startTs(entry, args, ready, { env: { CALLSIGN_DEMO_PASSWORD: DEMO_PASSWORD }, output });

/** SIGTERM, and SIGKILL if the process has not exited 10 s later (a journey's clean-up never hangs). */
async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(force), resolve()));
    child.kill('SIGTERM');
  });
}

export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'callsign-e2e-'));
  readonly serverLog: string[] = [];
  readonly bridgeLog: string[] = [];
  serverPort = 0;
  url = '';
  private server?: ChildProcess;
  private bridge?: ChildProcess;

  async start() {
    this.serverPort = await freePort();
    await this.startServer();
    await this.startBridge();
  }

  /**
   * Port 0 the first time: journeys run in parallel, each with its own bridge (the default port is
   * fixed). A restart reuses the port, so the page's origin — and its IndexedDB cache — stay the same.
   */
  async startBridge() {
    const port = this.url ? new URL(this.url).port : '0';
    const { child, match } = await start(
      'src/main/bridge/main.ts',
      ['--server-url', `http://127.0.0.1:${this.serverPort}`, '--data-dir', join(this.dir, 'app'), '--port', port],
      /Callsign is running at (\S+)/,
      this.bridgeLog,
    );
    this.bridge = child;
    this.url = match[1]!;
  }

  /** Stops the web bridge as a restart of the app would (its in-memory refresh token is gone). */
  async stopBridge() {
    await stopChild(this.bridge);
  }

  async startServer() {
    const { child } = await start(
      'src/server/cli/main.ts',
      ['serve', '--demo', '--port', String(this.serverPort), '--data-dir', join(this.dir, 'server')],
      /listening on http/,
      this.serverLog,
    );
    this.server = child;
  }

  async stopServer() {
    await stopChild(this.server);
  }

  async dispose() {
    // Both processes are awaited before the folder goes: a bridge still writing its settings or log
    // while `rm` walks the folder made it fail with ENOTEMPTY (CI, sms-code journey).
    await Promise.all([this.stopServer(), this.stopBridge()]);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
