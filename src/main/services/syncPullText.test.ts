import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import type { FetchLike } from './apiClient.js';
import { MemoryClipboard } from './clipboard.testkit.js';
import { createMainServices } from './createMainServices.js';
import { json } from './fakeServerHarness.testkit.js';
import { MemorySecretStore } from './secretStore.js';
import { MemorySettingsStore } from './settingsStore.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor', role: 'technician' as const };
const site = { id: 's1', name: 'Seattle', companyName: 'Northwind', mainPhones: [], country: 'US' };

function services(page: unknown) {
  const fetchImpl = (async (url: URL | RequestInfo) => {
    const path = new URL(String(url)).pathname;
    if (path === '/v1/auth/login')
      return json(200, { accessToken: 'AT', refreshToken: 'RT', expiresIn: 900, user, deviceId: 'd1' });
    if (path === '/v1/sync') return json(200, page);
    return json(204);
  }) as FetchLike;
  const { handlers } = createMainServices({
    secrets: new MemorySecretStore(),
    settings: new MemorySettingsStore(),
    defaultServerUrl: 'http://127.0.0.1:4317',
    shell: 'electron',
    version: '0',
    fetchImpl,
    clipboard: new MemoryClipboard(),
    heartbeat: false,
  });
  return createMemoryPair(handlers).client;
}

describe('sync.pullText (pages for the renderer sync worker)', () => {
  it('passes the validated page on as JSON text, with its cursor fields beside it', async () => {
    const page = {
      seq: 9,
      more: true,
      remaining: 40,
      maxAgeSeconds: 60,
      changes: [{ seq: 9, kind: 'site', id: 's1', op: 'upsert', data: site }],
    };
    const client = services(page);
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    const r = await client.invoke('sync.pullText', { since: 8, limit: 5000 });
    expect(r).toMatchObject({ seq: 9, more: true, remaining: 40, count: 1 });
    // The page in its parsed form: what the server sent, with the schema's defaults filled in.
    const text = JSON.parse(r.text) as typeof page;
    expect(text).toMatchObject(page);
    expect(text.changes[0]!.data).toMatchObject({ rmmAgentOptIn: false, noClientEmailDomain: false });
  });

  it('refuses a malformed page in main, before any text reaches the renderer', async () => {
    const client = services({ seq: 9, more: false, remaining: 0, maxAgeSeconds: 60, changes: [{ seq: 9 }] });
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    await expect(client.invoke('sync.pullText', { since: 0, limit: 10 })).rejects.toThrow();
  });
});
