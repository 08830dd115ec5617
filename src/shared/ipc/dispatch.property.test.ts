import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channels, type Handlers } from './contract.js';
import { createDispatcher } from './dispatch.js';

/** Handlers that only record that they ran: the property is about what reaches them. */
const reached: string[] = [];
const handlers = Object.fromEntries(channels.map((c) => [c, async () => (reached.push(c), {})])) as unknown as Handlers;

describe('IPC dispatcher (property)', () => {
  it('answers a channel that cannot even be turned into text with bad_request, not a TypeError', async () => {
    const dispatch = createDispatcher(handlers);
    // A renderer can send this: structured clone keeps a non-callable `toString` property.
    for (const channel of [{ toString: 'x' }, Object.create(null), Symbol('c'), 10n]) {
      expect(await dispatch(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'bad_request', field: 'channel' },
      });
    }
  });

  it('never throws; anything that is not a valid request gets a bad_request naming the field', async () => {
    const dispatch = createDispatcher(handlers);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...channels), fc.string()),
        fc.jsonValue(),
        async (channel, payload) => {
          const r = await dispatch(channel, payload);
          if (!r.ok) {
            expect(r.error.code).toBe('bad_request');
            expect(r.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
