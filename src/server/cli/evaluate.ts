/**
 * `callsign-server evaluate [FILE]`: reads JSON Lines — each `{ "site": SiteRules, "request":
 * ApprovalRequest }` (APPROVALS.md §6) — from FILE or stdin and writes exactly one JSON line per
 * non-empty input line, in order: the Decision, or `{ "error": "<field>: <what is wrong>" }`.
 * Exit code 0 when every line was valid, 2 otherwise (also 2, with a message on stderr and nothing
 * on stdout, when FILE cannot be read).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { fromZodError } from '../../shared/api/errors.js';
import { evaluate, EvaluateInput, type Decision } from '../../shared/approvals/index.js';
import { USAGE_ERROR, type CliIo } from './io.js';

export type CommandIo = Pick<CliIo, 'stdin' | 'stdout' | 'stderr'>;

export const EVALUATE_HELP = `Usage: callsign-server evaluate [FILE]

Reads JSON Lines from FILE (or stdin when FILE is absent or "-"). Each line is
  {"site": SiteRules, "request": ApprovalRequest}      (APPROVALS.md section 6)
and gets exactly one output line: the Decision, or {"error": "<field>: <problem>"}.
Blank lines are skipped. Exit code 0 when every line was valid, 2 otherwise.
`;

/** One input line → one output object. Never throws. */
export function evaluateLine(line: string): Decision | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return {
      error: `input: not valid JSON (${(e as Error).message}); each line must be one {"site": …, "request": …} object`,
    };
  }
  const parsed = EvaluateInput.safeParse(json);
  if (!parsed.success) return { error: fromZodError(parsed.error).message };
  return evaluate(parsed.data.site, parsed.data.request);
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function openInput(file: string | undefined, io: CommandIo): Promise<NodeJS.ReadableStream | string> {
  if (file === undefined || file === '-') return io.stdin;
  try {
    const info = await stat(file);
    if (!info.isFile()) return `evaluate: ${file} is not a file; give a JSON Lines file or pipe the lines on stdin`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `evaluate: ${file} does not exist; give a JSON Lines file or pipe the lines on stdin`
      : `evaluate: cannot read ${file} (${code ?? (e as Error).message})`;
  }
  return createReadStream(file, { encoding: 'utf8' });
}

export async function evaluateCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    await write(io.stdout, EVALUATE_HELP);
    return 0;
  }
  const unexpected = args.length > 1 ? args[1] : args.find((a) => a.startsWith('-') && a !== '-');
  if (unexpected !== undefined) {
    await write(io.stderr, `evaluate: unexpected argument "${unexpected}"\n\n${EVALUATE_HELP}`);
    return USAGE_ERROR;
  }
  const input = await openInput(args[0], io);
  if (typeof input === 'string') {
    await write(io.stderr, `${input}\n`);
    return 2;
  }
  let allValid = true;
  try {
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      const line = raw.trim();
      if (!line) continue;
      const result = evaluateLine(line);
      if ('error' in result) allValid = false;
      await write(io.stdout, `${JSON.stringify(result)}\n`);
    }
  } catch (e) {
    await write(io.stderr, `evaluate: reading the input failed (${(e as Error).message})\n`);
    return 2;
  }
  return allValid ? 0 : 2;
}
