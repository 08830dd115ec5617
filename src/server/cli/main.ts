#!/usr/bin/env node
/** Entry point of `callsign-server` (run with tsx: `tsx src/server/cli/main.ts <command>`). */
import { runCli } from './runCli.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} catch (e) {
  process.stderr.write(`callsign-server: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
