import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors.js';
import type { Handlers } from './contract.js';
import { createMemoryPair } from './memoryTransport.js';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const settings = { theme: 'system' as const, locale: 'en-US' as const, clipboardClearSeconds: 30 };
  const status = { signedIn: false, serverUrl: 'http://127.0.0.1:4317', online: true };
  return {
    'session.status': async () => status,
    'session.login': async ({ email }) => ({
      ...status,
      signedIn: true,
      user: { id: 'u1', email, name: 'Taylor', role: 'technician' },
    }),
    'session.totp': async () => ({ ...status, signedIn: true }),
    'session.choosePassword': async () => ({ ...status, signedIn: true }),
    'session.logout': async () => status,
    'sync.pull': async ({ since }) => ({ seq: since, more: false, remaining: 0, maxAgeSeconds: 86400, changes: [] }),
    'sync.pullBytes': async ({ since }) => ({
      seq: since,
      more: false,
      remaining: 0,
      count: 0,
      bytes: new Uint8Array([123, 125]),
    }),
    'lookup.remote': async (q) => ({ echo: q }),
    'approvals.upload': async (r) => ({ id: r.id, storedAt: '2026-11-23T10:00:00Z', serverSeq: 1 }),
    'approvals.escalate': async () => ({ notified: 1 }),
    'sms.send': async () => ({ codeId: 'c1', sentTo: '+1 ••• 0101', expiresAt: '2026-11-23T10:05:00Z' }),
    'sms.check': async ({ code }) => ({ ok: code === '123456', attemptsLeft: 4 }),
    'outbox.list': async () => ({ messages: [] }),
    'account.totpEnroll': async () => ({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x',
      qrCodeDataUrl: 'data:image/png;base64,',
    }),
    'account.totpConfirm': async () => ({ recoveryCodes: Array.from({ length: 10 }, (_, i) => `CODE-${i}`) }),
    'account.changePassword': async () => ({ changed: true }),
    'devices.list': async () => ({ devices: [] }),
    'devices.revoke': async () => ({ revoked: true }),
    'admin.users': async () => ({ users: [] }),
    'admin.resetTotp': async () => ({ reset: true }),
    'admin.invite': async (invite) => ({ user: { id: 'u9', ...invite }, oneTimePassword: 'x' }),
    'admin.changeRole': async ({ userId, role }) => ({ id: userId, email: 'a@b.c', name: 'A', role: role ?? 'noc' }),
    'admin.resetPassword': async () => ({ oneTimePassword: 'x' }),
    'admin.directoryList': async () => ({ items: [], next: null }),
    'admin.directoryGet': async () => ({ id: 's1', name: 'S', companyName: 'C', country: 'US' }) as never,
    'admin.directorySave': async ({ record }) => ({ seq: 1, record }),
    'admin.directoryDelete': async () => ({ seq: 1 }),
    'profiles.export': async () => ({ fileName: 'x.csv', contentType: 'text/csv', base64: '' }),
    'profiles.importChunk': async ({ index }) => ({ received: index + 1 }),
    'profiles.importStart': async ({ siteId }) => ({
      token: 't',
      siteId,
      phase: 'validating',
      done: 0,
      total: 0,
      expiresAt: 0,
    }),
    'profiles.importStatus': async ({ token }) => ({
      token,
      siteId: 's',
      phase: 'ready',
      done: 0,
      total: 0,
      expiresAt: 0,
    }),
    'profiles.importApply': async ({ token }) => ({
      token,
      siteId: 's',
      phase: 'applying',
      done: 0,
      total: 0,
      expiresAt: 0,
    }),
    'audit.list': async () => ({ entries: [], next: null }),
    'audit.verify': async () => ({ intact: true, brokenAt: null, entries: 0, head: null }),
    'audit.approvals': async () => ({ items: [], nextCursor: null }),
    'audit.approval': async () => {
      throw new AppError('not_found', 'no approval');
    },
    'audit.approvalStats': async () => ({
      perDay: [],
      timeToDecision: { overall: { count: 0, medianMs: null, p90Ms: null }, perDay: [] },
      escalationsBySite: [],
      topTechnicians: [],
      checkoutsByUser: [],
      flags: {},
    }),
    'audit.approvalsExport': async () => ({ via: 'main', saved: false, filename: 'x.csv' }),
    'credentials.list': async () => [],
    'credentials.checkout': async () => ({
      leaseId: 'L1',
      credentialId: 'c1',
      username: 'u',
      kind: 'dynamic',
      expiresAt: '2026-03-01T10:03:00.000Z',
    }),
    'credentials.reveal': async () => ({ secret: 'x' }),
    'credentials.copy': async () => ({ via: 'main', clearAfterSeconds: 30 }),
    'credentials.readBack': async () => ({ groups: [] }),
    'credentials.checkin': async () => ({ leaseId: 'L1', credentialId: 'c1', rotation: 'pending' }),
    'credentials.forceCheckin': async () => ({ ended: true }),
    'credentials.leases': async () => [],
    'cti.calls': async () => ({ calls: [] }),
    'cti.attach': async () => {
      throw new AppError('not_found', 'no call');
    },
    'settings.get': async () => settings,
    'settings.set': async (patch) => ({ ...settings, ...patch }),
    'app.info': async () => ({ version: '0.1.0', shell: 'web-bridge', platform: 'linux' }),
    'connection.status': async () => ({ online: true, since: 0, checked: true }),
    ...overrides,
  };
}

describe('IPC contract over the in-memory transport', () => {
  it('round-trips a request and its typed result', async () => {
    const { client } = createMemoryPair(fakeHandlers());
    const s = await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'x' });
    expect(s.user?.email).toBe('tech@callsign.demo');
    expect(await client.invoke('sync.pull', { since: 7, limit: 10 })).toMatchObject({ seq: 7, more: false });
  });

  it('rejects an invalid payload in main, naming the field', async () => {
    const { client } = createMemoryPair(fakeHandlers());
    await expect(client.invoke('session.login', { email: 'not-an-email', password: 'x' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'email',
    });
    // @ts-expect-error — limit is required by the contract
    await expect(client.invoke('sync.pull', { since: 0 })).rejects.toMatchObject({ field: 'limit' });
    // @ts-expect-error — unknown keys are refused, not ignored
    await expect(client.invoke('settings.set', { theme: 'dark', evil: true })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('refuses unknown channels', async () => {
    const { client } = createMemoryPair(fakeHandlers());
    // @ts-expect-error — not a channel
    await expect(client.invoke('fs.readFile', {})).rejects.toMatchObject({ field: 'channel' });
  });

  it('passes AppErrors through and hides unexpected errors', async () => {
    const { client } = createMemoryPair(
      fakeHandlers({
        'session.logout': async () => {
          throw new AppError('server_unreachable', 'Couldn’t reach the server.');
        },
        'app.info': async () => {
          throw new Error('secret-token-abc leaked in a stack');
        },
      }),
    );
    await expect(client.invoke('session.logout', {})).rejects.toMatchObject({ code: 'server_unreachable' });
    const err = await client.invoke('app.info', {}).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('internal');
    expect((err as AppError).message).not.toContain('secret-token');
  });

  it('delivers events to listeners until they unsubscribe', async () => {
    const { client, emit } = createMemoryPair(fakeHandlers());
    const seen: number[] = [];
    const off = client.on('sync.progress', (p) => seen.push(p.written));
    emit('sync.progress', { written: 5, total: 10 });
    off();
    emit('sync.progress', { written: 10, total: 10 });
    expect(seen).toEqual([5]);
  });
});
