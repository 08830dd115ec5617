// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Handlers, SessionStatus } from '../../../shared/ipc/contract.js';
import { createMemoryPair } from '../../../shared/ipc/memoryTransport.js';
import { createCallerIndex, identifyCaller } from '../../../shared/identify/index.js';
import { App } from '../../app/App.js';
import { AppProviders } from '../../app/AppProviders.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { createQueryClient } from '../../app/queryClient.js';
import { CallsignDb } from '../../db/CallsignDb.js';
import { fixtureChanges } from '../../testing/fixtures.js';
import '../../testing/matchMediaStub.js';
import { syncDirectory } from '../sync/syncDirectory.js';
import { SyncProgressStore } from '../sync/SyncProgressStore.js';
import { DirectoryIndexStore } from './DirectoryIndexStore.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const engine = { createIndex: createCallerIndex, identify: identifyCaller };

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describe('a restart with a full cache', () => {
  it('keeps a lookup typed while the index loads, shows progress, answers it once numbers are in, names after', async () => {
    const handlers = {
      'session.status': async (): Promise<SessionStatus> => ({
        signedIn: true,
        serverUrl: 'http://127.0.0.1:4399',
        online: true,
        user: { id: 'u1', email: 'tech@callsign.demo', name: 'Tess Tech', role: 'technician' },
      }),
      'sync.pull': async ({ since }: { since: number }) => {
        const changes = fixtureChanges().filter((c) => c.seq > since);
        return { seq: changes.at(-1)?.seq ?? since, more: false, remaining: 0, maxAgeSeconds: 86400, changes };
      },
      'settings.get': async () => ({ theme: 'system', locale: 'en-US', clipboardClearSeconds: 30 }),
      'app.info': async () => ({ version: '0', shell: 'web-bridge' as const, platform: 'test' }),
    } as unknown as Handlers;
    const { client } = createMemoryPair(handlers);
    const db = new CallsignDb('lookup-while-loading');
    // The previous session synced the directory (and persisted the index keys).
    const before = new DirectoryIndexStore(engine);
    await before.load(db);
    await syncDirectory({ api: client, db, directory: before });

    // This session's load yields after every record and is held at two points by the test.
    const numbers = gate();
    const names = gate();
    const directory: DirectoryIndexStore = new DirectoryIndexStore(engine, () => ({
      due: () => true,
      pause: () => (directory.isLoaded ? names.opened : numbers.opened),
    }));
    const loading = directory.load(db);
    const services = { api: client, db, directory, syncProgress: new SyncProgressStore() };
    render(
      <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
        <App />
      </AppProviders>,
    );
    const box = await screen.findByTestId('lookup-input');
    fireEvent.change(box, { target: { value: '(206) 555-0101' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText(/Loading the (directory|caller index)/)).toBeTruthy();
    expect(screen.queryByTestId('lookup-result')).toBeNull();

    numbers.open();
    // Answered without typing again, while the names index is still held back.
    expect(await screen.findAllByTestId('lookup-result')).not.toHaveLength(0);
    expect(directory.typeaheadReady).toBe(false);
    expect(screen.getByTestId('names-loading').textContent).toBe('Names are still loading — numbers and emails work');

    names.open();
    await loading;
    await waitFor(() => expect(screen.queryByTestId('names-loading')).toBeNull());
    await db.delete();
  });
});
