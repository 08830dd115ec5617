/**
 * Where the server's JSON logs go. Without a log file: stderr, as before (systemd, containers and
 * `docker logs` collect stderr). With one (`serve --log-file`, which `npm start` uses for the demo):
 * every line at the configured level is appended to the file (0600 — request paths and user ids are
 * not for other local users), and the console gets only warnings and errors, one readable line each,
 * so a person running the demo sees the URL, the demo password and what went wrong — not a request log.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type DestinationStream, type Level } from 'pino';
import { humanLine } from '../../shared/logging/humanLine.js';

export interface LogDestination {
  stream: DestinationStream;
  /** Flushes and closes the file (no-op for the console). */
  close(): void;
}

export function logDestination(options: {
  file?: string;
  level: string;
  console: NodeJS.WritableStream;
}): LogDestination {
  if (!options.file) return { stream: options.console as unknown as DestinationStream, close: () => {} };
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  // Created (or narrowed) to 0600 before pino opens it for appending.
  closeSync(openSync(options.file, 'a', 0o600));
  chmodSync(options.file, 0o600);
  const file = pino.destination({ dest: options.file, append: true, sync: false });
  const toConsole = { write: (line: string) => void options.console.write(humanLine(line)) };
  const stream = pino.multistream([
    { level: options.level as Level, stream: file },
    { level: 'warn', stream: toConsole },
  ]);
  return {
    stream,
    close: () => {
      file.flushSync();
      file.end();
    },
  };
}
