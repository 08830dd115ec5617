import { describe, expect, it } from 'vitest';
import type { Handlers } from './contract.js';
import { createDispatcher } from './dispatch.js';

describe('IPC dispatch validation errors', () => {
  const dispatch = createDispatcher({} as Handlers);

  it('says what is wrong with a server address without naming the field in the message (issue 14)', async () => {
    const r = await dispatch('session.login', {
      email: 'tech@callsign.demo',
      password: 'x',
      serverUrl: 'http://callsign.example.com',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'serverUrl' } });
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(/^The server address must use https:\/\//);
    expect(message).not.toMatch(/serverUrl/);
  });

  it("keeps the field prefix on zod's terse messages (they reach a person only through a bug)", async () => {
    const r = await dispatch('sms.check', {});
    expect(r.ok ? '' : r.error.message).toMatch(/^codeId: /);
  });
});
