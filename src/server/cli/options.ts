/** Flag parsing shared by the commands: strict (unknown flags are usage errors) and typed. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import envPaths from 'env-paths';
import { UsageError } from './io.js';

export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
  positionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function intFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

/** Per-user data folder, e.g. ~/.local/share/callsign-server on Linux. */
export function defaultDataDir(): string {
  return envPaths('callsign-server', { suffix: '' }).data;
}
