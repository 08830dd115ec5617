/**
 * Test support: runs `callsign-server <argv>` in process with the given stdin text and environment,
 * and returns the exit code with everything written to stdout and stderr.
 */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../io.js';
import { runCli } from '../runCli.js';

/** CLI streams that keep what is written: `out()` / `err()` read it so far. */
export function captureIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  return { stdin: new PassThrough(), stdout, stderr, env, out: () => out, err: () => err };
}

export async function runCliCaptured(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = { ...captureIo(options.env), stdin: PassThrough.from([options.stdin ?? '']) };
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}
