/**
 * Fault-test support: the real `callsign-server serve --demo` as a child process (the desktop code
 * may not import the server — DESIGN.md — but a test may run it), so a test can SIGKILL it at the
 * worst moment and start it again on the same data folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DEMO_PASSWORD = 'fault-test-pass-1';
const ROOT = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<ServerProcess> {
    return new ServerProcess(mkdtempSync(join(tmpdir(), 'callsign-faults-')), await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `serve --demo` (seeded on the first start) and resolves once it listens. */
  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/cli/main.ts',
        'serve',
        '--data-dir',
        this.dataDir,
        '--port',
        String(this.port),
        '--demo',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, CALLSIGN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${stderr}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (!out.includes('listening on')) return;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited (${code}):\n${stderr}`))));
    });
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown hooks, no flush — a power cut as far as the server knows. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
