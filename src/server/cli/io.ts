/** What CLI commands may touch of the process: standard streams and the environment. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** Exit code for bad usage (unknown command or flag, bad value). */
export const USAGE_ERROR = 2;

export class UsageError extends Error {}
