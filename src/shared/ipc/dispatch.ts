/**
 * Main-side dispatcher: validates the channel and its payload with the contract's schema, runs the
 * handler and turns every failure into a safe WireError (unexpected errors become `internal`
 * without their message, which could carry anything).
 */
import type { z } from 'zod';
import { AppError, fromZodError } from '../api/errors.js';
import { isChannel, requestSchemas, type Handlers } from './contract.js';
import type { WireError } from './wire.js';

/**
 * IPC errors are shown to a person beside the field they name. A `custom` issue whose message is a
 * sentence (capitalised) is written for people ("The server address must use https://…", serverUrl.ts): the field travels in
 * `field` only and the message is that sentence — never "serverUrl: The…" (UX.md principle 7).
 * zod's own terse messages ("Invalid input: expected string") keep the `field: ` prefix; they only
 * reach a person through a bug.
 */
function forPeople(error: z.ZodError): WireError {
  const body = fromZodError(error).toBody().error;
  const issue = error.issues[0];
  const sentence = issue?.code === 'custom' && /^[A-Z]/.test(issue.message);
  return sentence && body.field ? { ...body, message: issue.message } : body;
}

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: WireError };

export function createDispatcher(handlers: Handlers, onUnexpected: (err: unknown, channel: string) => void = () => {}) {
  return async function dispatch(channel: unknown, payload: unknown): Promise<DispatchResult> {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'bad_request',
          // Never String(channel): an object with a non-callable toString makes that throw.
          message:
            typeof channel === 'string'
              ? `channel: unknown IPC channel "${channel.slice(0, 64)}".`
              : `channel: must be a channel name (text), not ${typeof channel}.`,
          field: 'channel',
        },
      };
    }
    const parsed = requestSchemas[channel].safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: forPeople(parsed.error) };
    try {
      const handler = handlers[channel] as (p: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody().error };
      onUnexpected(err, channel);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong in Callsign. Try again; if it keeps happening, restart the app.',
        },
      };
    }
  };
}
