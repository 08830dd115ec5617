/**
 * The app's half of the renderer boot (main.tsx starts the offline directory first, then imports
 * this as a chunk of its own): find the API (Electron preload or web bridge), apply the saved
 * settings, start the sync worker and render. A bridge that can't be reached shows a full-page
 * "open from the link" message instead.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { AppProviders } from './AppProviders.js';
import { BridgeUnavailable } from './BridgeUnavailable.js';
import { browserEnvironment, resolveCallsignApi } from './callsignApi.js';
import { createI18n } from './i18n/createI18n.js';
import { createQueryClient, listenToWindowFocus } from './queryClient.js';
import { Splash } from './Splash.js';
import { installBenchHooks } from './benchHooks.js';
import type { CallsignDb } from '../db/CallsignDb.js';
import type { DirectoryIndexStore } from '../features/lookup/DirectoryIndexStore.js';
import { SyncProgressStore } from '../features/sync/SyncProgressStore.js';
import { syncKeys } from '../features/sync/queries.js';
import { loadStartSettings } from '../features/settings/loadStartSettings.js';
import { followDocumentLanguage } from './i18n/followDocumentLanguage.js';
import { createWorkerPageWriter, startSyncWorker } from '../features/sync/worker/workerPageWriter.js';
import { createPageWriter } from '../db/pageWriter.js';

export function startApp(db: CallsignDb, directory: DirectoryIndexStore): void {
  const root = createRoot(document.getElementById('root')!);
  const i18n = createI18n(navigator.language);
  followDocumentLanguage(i18n, document);
  const queryClient = createQueryClient();
  listenToWindowFocus(window);

  root.render(
    <AppProviders i18n={i18n} queryClient={queryClient} services={null}>
      <Splash quiet />
    </AppProviders>,
  );

  resolveCallsignApi(browserEnvironment()).then(
    async (api) => {
      await loadStartSettings(api, queryClient, i18n);
      const worker = startSyncWorker();
      // Under the web bridge (no Electron preload) the worker fetches pages over its own socket.
      const underBridge = !(window as Window & { callsign?: unknown }).callsign;
      const pageWriter = worker
        ? createWorkerPageWriter(worker, () => createPageWriter(db), {
            relay: (q) => api.invoke('sync.pullBytes', q),
            direct: underBridge,
          })
        : undefined;
      const services = {
        api,
        db,
        directory,
        syncProgress: new SyncProgressStore(),
        ...(pageWriter ? { pageWriter } : {}),
      };
      installBenchHooks(services, {
        syncNow: () => queryClient.refetchQueries({ queryKey: syncKeys.directory() }),
      });
      root.render(
        <StrictMode>
          <AppProviders i18n={i18n} queryClient={queryClient} services={services}>
            <App />
          </AppProviders>
        </StrictMode>,
      );
    },
    () =>
      root.render(
        <AppProviders i18n={i18n} queryClient={queryClient} services={null}>
          <BridgeUnavailable />
        </AppProviders>,
      ),
  );
}
