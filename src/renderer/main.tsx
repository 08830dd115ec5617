/**
 * Renderer boot: find the API (Electron preload or web bridge), open the offline cache, build the
 * in-memory caller index from it in the background, and render. A bridge that can't be reached
 * shows a full-page "open from the link" message instead.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCallerIndex, identifyCaller } from '../shared/identify/index.js';
import { App } from './app/App.js';
import { AppProviders } from './app/AppProviders.js';
import { BridgeUnavailable } from './app/BridgeUnavailable.js';
import { browserEnvironment, resolveCallsignApi } from './app/callsignApi.js';
import { createI18n } from './app/i18n/createI18n.js';
import { createQueryClient, listenToWindowFocus } from './app/queryClient.js';
import { Splash } from './app/Splash.js';
import { installBenchHooks } from './app/benchHooks.js';
import { CallsignDb } from './db/CallsignDb.js';
import { DirectoryIndexStore } from './features/lookup/DirectoryIndexStore.js';
import { SyncProgressStore } from './features/sync/SyncProgressStore.js';
import { syncKeys } from './features/sync/queries.js';
import { loadDirectoryReported } from './features/lookup/loadDirectoryReported.js';
import { loadStartSettings } from './features/settings/loadStartSettings.js';
import { followDocumentLanguage } from './app/i18n/followDocumentLanguage.js';
import { createWorkerPageWriter, startSyncWorker } from './features/sync/worker/workerPageWriter.js';
import { createPageWriter } from './db/pageWriter.js';

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

// The offline directory needs neither the API nor the settings: its load starts at once, so a warm
// start answers the first lookup while the bridge connects (issue 12). Lookups answer "Loading the
// directory…" until exact lookups are ready; sync waits for the whole load.
const db = new CallsignDb();
const directory = new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
void loadDirectoryReported(directory, db);

resolveCallsignApi(browserEnvironment()).then(
  async (api) => {
    await loadStartSettings(api, queryClient, i18n);
    const worker = startSyncWorker();
    const pageWriter = worker ? createWorkerPageWriter(worker, () => createPageWriter(db)) : undefined;
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
