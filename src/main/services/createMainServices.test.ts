import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/ipc/contract.js';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import type { FetchLike } from './apiClient.js';
import { MemoryClipboard } from './clipboard.testkit.js';
import { createMainServices } from './createMainServices.js';
import { json } from './fakeServerHarness.testkit.js';
import { MemorySecretStore } from './secretStore.js';
import { MemorySettingsStore } from './settingsStore.js';

const user = { id: 'u2', email: 'noc@callsign.demo', name: 'Nia Noc', role: 'noc' as const };

describe('createMainServices wiring of the lease keeper', () => {
  it('a remote wipe (device revoked) forgets every lease, clears the clipboard and tells the renderer', async () => {
    let revoked = false;
    const fetchImpl = (async (url: URL | RequestInfo) => {
      const path = new URL(String(url)).pathname;
      if (revoked) return json(403, { error: { code: 'device_revoked', message: 'This device was signed out.' } });
      if (path === '/v1/auth/login' || path === '/v1/auth/refresh')
        return json(200, { accessToken: 'AT', refreshToken: 'RT', expiresIn: 900, user, deviceId: 'd1' });
      if (path.endsWith('/checkout'))
        return json(201, {
          leaseId: 'lease-1',
          credentialId: 'cred-1',
          username: 'svc',
          secret: 'Kq7vT2mXp9Lw',
          kind: 'dynamic',
          expiresAt: new Date(Date.now() + 180_000).toISOString(),
        });
      return json(204);
    }) as FetchLike;
    const events: Array<[EventName, unknown]> = [];
    const clipboard = new MemoryClipboard();
    const { handlers, leases } = createMainServices({
      secrets: new MemorySecretStore(),
      settings: new MemorySettingsStore(),
      defaultServerUrl: 'http://127.0.0.1:4317',
      shell: 'electron',
      version: '0',
      fetchImpl,
      clipboard,
      emit: <E extends EventName>(event: E, data: Events[E]) =>
        void (event !== 'connection.changed' && events.push([event, data])),
    });
    const { client } = createMemoryPair(handlers);
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    await client.invoke('credentials.checkout', { credentialId: 'cred-1', reason: 'reboot', ticket: 'T-1' });
    await client.invoke('credentials.copy', { leaseId: 'lease-1' });
    expect(clipboard.text).toBe('Kq7vT2mXp9Lw');
    revoked = true;
    await expect(client.invoke('credentials.list', { siteId: 's1' })).rejects.toMatchObject({ code: 'device_revoked' });
    await new Promise((r) => setTimeout(r, 0));
    expect(leases.list()).toEqual([]);
    expect(clipboard.text).toBe('');
    expect(events).toEqual([
      ['lease.expired', { leaseId: 'lease-1', credentialId: 'cred-1', reason: 'wiped' }],
      ['session.wiped', { reason: 'device_revoked' }],
    ]);
  });
});
