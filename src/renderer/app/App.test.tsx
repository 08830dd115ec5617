// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../shared/api/errors.js';
import type { AppInfo, Handlers, SessionStatus, Settings } from '../../shared/ipc/contract.js';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import { createCallerIndex, identifyCaller } from '../../shared/identify/index.js';
import { CallsignDb } from '../db/CallsignDb.js';
import { DirectoryIndexStore } from '../features/lookup/DirectoryIndexStore.js';
import { SyncProgressStore } from '../features/sync/SyncProgressStore.js';
import { fixtureChanges } from '../testing/fixtures.js';
import { App } from './App.js';
import { AppProviders } from './AppProviders.js';
import { createI18n } from './i18n/createI18n.js';
import { createQueryClient } from './queryClient.js';
import '../testing/matchMediaStub.js';

// jsdom lacks matchMedia (MUI's system mode reads it).

let n = 0;
function setup(info: Partial<AppInfo> = {}) {
  let status: SessionStatus = { signedIn: false, serverUrl: 'http://127.0.0.1:4399', online: true };
  let settings: Settings = { theme: 'system', locale: 'en-US', clipboardClearSeconds: 30 };
  const handlers = {
    'session.status': async () => status,
    'session.login': async ({ password }: { password: string }) => {
      if (password !== 'demo-pass-123')
        throw new AppError('invalid_credentials', 'The email or password is not right.');
      status = {
        ...status,
        signedIn: true,
        user: { id: 'u1', email: 'tech@callsign.demo', name: 'Tess Tech', role: 'technician' },
      };
      return status;
    },
    'session.logout': async () => (status = { ...status, signedIn: false, user: undefined }),
    'sync.pull': async ({ since }: { since: number }) => {
      const changes = fixtureChanges().filter((c) => c.seq > since);
      return { seq: changes.at(-1)?.seq ?? since, more: false, remaining: 0, maxAgeSeconds: 86400, changes };
    },
    'lookup.remote': async () => ({}),
    'settings.get': async () => settings,
    'settings.set': async (patch: Partial<Settings>) => (settings = { ...settings, ...patch }),
    'app.info': async () => ({ version: '0', shell: 'web-bridge' as const, platform: 'test', ...info }),
  } as unknown as Handlers;
  const { client } = createMemoryPair(handlers);
  const db = new CallsignDb(`app-${++n}`);
  const directory = new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
  const services = { api: client, db, directory, syncProgress: new SyncProgressStore() };
  return { services, db, directory, getSettings: () => settings };
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

async function signIn(password = 'demo-pass-123') {
  fireEvent.change(await screen.findByTestId('signin-email'), { target: { value: 'tech@callsign.demo' } });
  fireEvent.change(screen.getByTestId('signin-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

function lookup(text: string) {
  const box = screen.getByTestId('lookup-input');
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('App (walking skeleton)', () => {
  it('says on the sign-in screen when sign-in cannot be kept (no OS keychain, Linux basic_text)', async () => {
    const { services } = setup({ shell: 'electron', secretStorage: { persistent: false, reason: 'basic_text' } });
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    await screen.findByTestId('signin-email');
    expect((await screen.findByTestId('signin-session-only')).textContent).toMatch(/keyring.*only until/i);
  });

  it('shows no such notice where sign-in is kept by the keychain', async () => {
    const { services } = setup({ shell: 'electron', secretStorage: { persistent: true } });
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    await screen.findByTestId('signin-email');
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByTestId('signin-session-only')).toBeNull();
  });

  it('signs in, syncs and identifies callers from the offline cache', async () => {
    const { services, directory, db } = setup();
    await directory.load(db);
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    await signIn('wrong');
    expect(await screen.findByTestId('signin-error')).toHaveProperty(
      'textContent',
      'The email or password is not right.',
    );
    await signIn();
    expect(await screen.findByTestId('user-menu')).toHaveProperty('textContent', expect.stringContaining('Tess Tech'));
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toMatch(/Synced/), { timeout: 10_000 });
    expect(document.activeElement).toBe(screen.getByTestId('lookup-input'));

    lookup('(206) 555-0101');
    const card = await screen.findByTestId('lookup-result');
    expect(screen.getByTestId('site-name').textContent).toBe('Northwind Traders — Seattle');
    expect(screen.getByTestId('site-greeting').textContent).toBe(
      'Thank you for calling Northwind IT Help Desk, this is Tess. How can I help?',
    );
    expect(screen.getByTestId('site-message').textContent).toContain('Site message');
    expect(screen.getByTestId('match-kind').textContent).toBe("Matched by the caller's mobile number +1 206 555 0101");
    expect(screen.getByTestId('profile-name').textContent).toBe('Dana Reyes');
    expect(card.textContent).toContain('northwindtraders.com');

    lookup('+1 312 555 0199');
    await waitFor(() => expect(screen.getAllByTestId('lookup-result')).toHaveLength(2));
    expect(screen.getByTestId('ambiguous-warning').textContent).toContain(
      'This number belongs to 2 sites — ask the caller which site they are calling from',
    );
    // The banner says how each site matched.
    expect([...screen.getByTestId('ambiguous-how').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Contoso — Chicago Loop: Matched by site main number +1 312 555 0199',
      'Fabrikam — Chicago: Matched by site main number +1 312 555 0199',
    ]);

    lookup('hello there');
    expect((await screen.findByTestId('lookup-hint')).textContent).not.toBe('');
    lookup('+44 20 7946 0000');
    await waitFor(() => expect(screen.getByTestId('lookup-hint').textContent).toContain('No site or person matches'));

    fireEvent.keyDown(screen.getByTestId('lookup-input'), { key: 'Escape' });
    expect((screen.getByTestId('lookup-input') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('lookup-hint')).toBeNull();
  });

  it('runs the lookup from #/lookup?email=… and focuses the box with Ctrl+K', async () => {
    const { services, directory, db } = setup();
    await services.api.invoke('session.login', { email: 'tech@callsign.demo', password: 'demo-pass-123' });
    await directory.load(db);
    window.location.hash = '#/lookup?email=someone%40northwindtraders.com';
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    await waitFor(
      () => expect(screen.getByTestId('match-kind').textContent).toBe('Matched by email domain northwindtraders.com'),
      { timeout: 5000 },
    );
    expect(screen.queryByTestId('profile-name')).toBeNull();
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByTestId('lookup-input'));
  });

  it('says Offline in the badge when the server is unreachable, and keeps looking up from the cache', async () => {
    const { services, directory, db } = setup();
    await services.api.invoke('session.login', { email: 'tech@callsign.demo', password: 'demo-pass-123' });
    const { syncDirectory } = await import('../features/sync/syncDirectory.js');
    await directory.load(db); // the app reads the cache into memory before sync applies pages
    await syncDirectory({ api: services.api, db, directory });
    const real = services.api.invoke.bind(services.api) as (c: string, p: unknown) => Promise<unknown>;
    services.api.invoke = ((channel: string, payload: unknown) =>
      channel === 'sync.pull'
        ? Promise.reject(new AppError('server_unreachable', 'down'))
        : real(channel, payload)) as typeof services.api.invoke;
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toMatch(/^Offline — data from /), {
      timeout: 10_000,
    }); // a loaded CI machine needs more than the default 1 s
    lookup('+1 206 555 0101');
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Dana Reyes');
  });

  it('saves the theme through settings.set', async () => {
    const { services, getSettings } = setup();
    await services.api.invoke('session.login', { email: 'tech@callsign.demo', password: 'demo-pass-123' });
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Dark' }));
    await waitFor(() => expect(getSettings().theme).toBe('dark'));
    expect(vi.isMockFunction(localStorage.setItem)).toBe(false);
  });
});
