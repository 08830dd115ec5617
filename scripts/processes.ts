/**
 * Child-process helpers for the start script, the benchmarks and the e2e workspace: run a
 * TypeScript entry with tsx, wait for the line it prints when ready, and stop everything together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const root = join(import.meta.dirname, '..');
const children = new Set<ChildProcess>();

export function runTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** A free loopback TCP port (for a server that must keep its address across restarts). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a TypeScript entry and resolves once its stdout matches `ready`. Everything the child
 * prints (stdout and stderr) is appended to `output` when given, e.g. for secret scans.
 */
export function startTs(
  entry: string,
  args: string[],
  ready: RegExp,
  options: { env?: NodeJS.ProcessEnv; output?: string[] } = {},
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = runTs(entry, args, options.env);
  const output = options.output ?? [];
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => {
      output.push(String(d));
      stdout += String(d);
      const m = stdout.match(ready);
      if (m) resolve({ child, match: m });
    });
    child.stderr!.on('data', (d: Buffer) => output.push(String(d)));
    child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before ready:\n${output.join('')}`)));
  });
}

/** Resolves with the first regex match on the child's stdout; other lines are passed to `echo`. */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  echo: (line: string) => void,
  timeoutMs = 120_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    let done = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = line.match(pattern);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        resolve(m);
      } else echo(line);
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.once('exit', (code) => !done && reject(new Error(`process exited with code ${code} before it was ready`)));
  });
}

export function stopAll() {
  for (const c of children) c.kill('SIGTERM');
}

/** Newest modification time under a folder (to decide whether a build is stale). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(): boolean {
  const built = join(root, 'out/renderer/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return newestMtime(join(root, 'src/renderer')) > builtAt || newestMtime(join(root, 'src/shared')) > builtAt;
}

/** The Electron binary is downloaded outside npm; where it is missing we use the web bridge. */
export function electronBinaryPresent(): boolean {
  return (
    existsSync(join(root, 'node_modules/electron/path.txt')) && existsSync(join(root, 'node_modules/electron/dist'))
  );
}
