/**
 * Web bridge entry (plain Node): the main-process services with a memory SecretStore and `conf`
 * settings, behind the loopback bridge. `npm start` runs this when the Electron binary is missing.
 *   tsx src/main/bridge/main.ts --server-url URL [--data-dir DIR] [--port N]
 * The port defaults to 4318 (CALLSIGN_PORT overrides; 0 = any free port). If it is taken the bridge
 * stops with a message instead of moving to another port: another port is another browser origin,
 * i.e. a second IndexedDB copy of the directory that a remote wipe might not reach.
 */
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';
import pino from 'pino';
import { humanLine } from '../../shared/logging/humanLine.js';
import { createMainServices } from '../services/createMainServices.js';
import { KeyFileSecretStore } from '../services/keyFileSecretStore.js';
import { MemorySecretStore } from '../services/secretStore.js';
import { ConfSettingsStore } from '../services/confSettingsStore.js';
import { startWebBridge, type WebBridge } from './webBridge.js';
import { bridgePort } from './bridgeAuth.js';
import { OriginRegistry } from './originRegistry.js';
import { controlSocketPath, startControlServer } from '../services/controlSocket.js';
import { lookupEvent } from '../../shared/deeplink/parseDeepLink.js';

const { values } = parseArgs({
  options: {
    'server-url': { type: 'string', default: process.env.CALLSIGN_SERVER_URL ?? 'http://127.0.0.1:4317' },
    'data-dir': { type: 'string', default: process.env.CALLSIGN_DATA_DIR ?? envPaths('callsign', { suffix: '' }).data },
    port: { type: 'string' },
    renderer: { type: 'string', default: resolve(import.meta.dirname, '../../../out/renderer') },
  },
});

const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
// The bridge logs only warnings and errors (no request log): one readable line each on stderr.
const logger = pino(
  {
    name: 'callsign-bridge',
    redact: [
      'token',
      '*.token',
      'password',
      '*.password',
      'newPassword',
      '*.newPassword',
      'currentPassword',
      '*.currentPassword',
      'authorization',
    ],
  },
  { write: (line: string) => void process.stderr.write(humanLine(line, 'Callsign')) },
);
let emit: WebBridge['emit'] = () => {};
const { handlers, leases } = createMainServices({
  emit: (event, data) => emit(event, data),
  secrets: new MemorySecretStore(),
  // The refresh token stays in memory; only the offline unlock verifier (a slow hash) persists.
  offlineSecrets: new KeyFileSecretStore(dataDir),
  settings: new ConfSettingsStore(join(dataDir)),
  defaultServerUrl: values['server-url'],
  ...(process.env.CALLSIGN_DEMO_SERVER_URL ? { demoServerUrl: process.env.CALLSIGN_DEMO_SERVER_URL } : {}),
  shell: 'web-bridge',
  logError: (message, err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, message),
  version: process.env.npm_package_version ?? '0.1.0',
});
const bridge = await startWebBridge({
  handlers,
  rendererRoot: resolve(values.renderer),
  logger,
  port: bridgePort(values.port, process.env.CALLSIGN_PORT),
  origins: new OriginRegistry(dataDir, (message) => logger.warn(message)),
  // The token is the link to open: stdout is where the launch line goes, never the log.
  onLaunchUrl: (url) => process.stdout.write(`A Callsign link was opened again. New link: ${url}\n`),
}).catch((err: Error) => {
  process.stderr.write(`Callsign could not start: ${err.message}\n`);
  process.exit(1);
});
emit = bridge.emit;
// Screen pops (`callsign lookup …`) reach open pages as `deeplink.lookup` events.
const control = await startControlServer(controlSocketPath(dataDir), (link) =>
  bridge.emit('deeplink.lookup', lookupEvent(link)),
).catch(
  (err: Error) => (
    logger.warn({ err: err.message }, 'control socket unavailable; `callsign lookup` will not reach this instance'),
    undefined
  ),
);
process.stdout.write(`Callsign is running at ${bridge.url}\n`);
// Quit: checked-out passwords go from memory first (the browser clipboard is the page's to clear).
const stop = () => (
  control?.close(),
  void leases.wipeAll('quit').finally(() => bridge.close().then(() => process.exit(0)))
);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
