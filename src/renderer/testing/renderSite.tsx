/** Test-only: renders a route of the signed-in app (without the shell) over a filled offline cache. */
import type { ReactNode } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { render } from '@testing-library/react';
import type { Reference, Site, ClientProfile } from '../../shared/domain/index.js';
import type { SitePolicyRecord } from '../../shared/api/approvals.js';
import type { CallsignApi, EventName, Events } from '../../shared/ipc/contract.js';
import type { CredentialMeta } from '../../shared/api/credentials.js';
import type { Role } from '../../shared/api/auth.js';
import { createCallerIndex, identifyCaller } from '../../shared/identify/index.js';
import { AppProviders } from '../app/AppProviders.js';
import { createI18n } from '../app/i18n/createI18n.js';
import { createQueryClient } from '../app/queryClient.js';
import { CallsignDb } from '../db/CallsignDb.js';
import { DirectoryIndexStore } from '../features/lookup/DirectoryIndexStore.js';
import { LookupBox } from '../features/lookup/LookupBox.js';
import { LookupProvider } from '../features/lookup/LookupProvider.js';
import { SyncProgressStore } from '../features/sync/SyncProgressStore.js';
import { writeProfiles } from '../db/profileBundles.js';
import { writeReferences } from '../db/referenceChunks.js';
import { writeSites } from '../db/siteChunks.js';
import './matchMediaStub.js';

// jsdom lacks matchMedia (MUI's system mode reads it).

export interface CacheContents {
  sites: Site[];
  profiles?: ClientProfile[];
  references?: Reference[];
  policies?: Array<Partial<SitePolicyRecord> & Pick<SitePolicyRecord, 'siteId' | 'unlicensedSoftware'>>;
  credentials?: CredentialMeta[];
  lastSyncAt?: number;
  maxAgeSeconds?: number;
}

export interface RenderOptions {
  role?: Role;
  /** Answers IPC calls; `undefined` falls through to the defaults (session status, settings, `{}`). */
  invoke?: (channel: string, payload: unknown) => Promise<unknown> | undefined;
}

let n = 0;

export async function renderRoutes(
  routes: Array<{ path: string; element: ReactNode }>,
  url: string,
  cache: CacheContents,
  opts: RenderOptions = {},
) {
  const db = new CallsignDb(`render-${++n}-${Math.random()}`);
  await db.transaction('rw', db.siteChunks, () => writeSites(db, cache.sites, []));
  await db.transaction('rw', db.siteProfiles, () => writeProfiles(db, cache.profiles ?? [], [], () => undefined));
  await db.transaction('rw', db.referenceChunks, () => writeReferences(db, cache.references ?? [], []));
  await db.policies.bulkPut((cache.policies ?? []) as SitePolicyRecord[]);
  await db.credentials.bulkPut(cache.credentials ?? []);
  if (cache.lastSyncAt !== undefined) await db.meta.put({ key: 'lastSyncAt', value: cache.lastSyncAt });
  if (cache.maxAgeSeconds !== undefined) await db.meta.put({ key: 'maxAgeSeconds', value: cache.maxAgeSeconds });
  const directory = new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
  await directory.load(db);
  const status = {
    signedIn: true,
    serverUrl: 'http://127.0.0.1:4399',
    online: true,
    user: { id: 'u1', email: 'tech@callsign.demo', name: 'Tess Tech', role: opts.role ?? 'technician' },
  };
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const api = {
    invoke: async (channel: string, payload: unknown) =>
      (await opts.invoke?.(channel, payload)) ??
      (channel === 'session.status'
        ? status
        : channel === 'settings.get'
          ? { theme: 'light', locale: 'en-US', clipboardClearSeconds: 30 }
          : {}),
    on: (event: string, listener: (data: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  } as unknown as CallsignApi;
  /** Pushes an event from "main" to the rendered app. */
  const emit = <E extends EventName>(event: E, data: Events[E]) => listeners.get(event)?.forEach((l) => l(data));
  const services = { api, db, directory, syncProgress: new SyncProgressStore() };
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <LookupProvider>
            <OutletHost />
          </LookupProvider>
        ),
        children: routes,
      },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, db, directory, router, emit };
}

/** The lookup box (as in the top bar) above the routed page. */
function OutletHost() {
  return (
    <>
      <LookupBox />
      <Outlet />
    </>
  );
}
