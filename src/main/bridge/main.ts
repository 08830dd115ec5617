/**
 * Web bridge entry (plain Node): the main-process services with a memory SecretStore and `conf`
 * settings, behind the loopback bridge. `npm start` runs this when the Electron binary is missing.
 *   tsx src/main/bridge/main.ts --server-url URL [--data-dir DIR] [--port N]
 */
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';
import pino from 'pino';
import { createMainServices } from '../services/createMainServices.js';
import { MemorySecretStore } from '../services/secretStore.js';
import { ConfSettingsStore } from '../services/confSettingsStore.js';
import { startWebBridge, type WebBridge } from './webBridge.js';
import { controlSocketPath, startControlServer } from '../services/controlSocket.js';

const { values } = parseArgs({
  options: {
    'server-url': { type: 'string', default: process.env.CALLSIGN_SERVER_URL ?? 'http://127.0.0.1:4317' },
    'data-dir': { type: 'string', default: process.env.CALLSIGN_DATA_DIR ?? envPaths('callsign', { suffix: '' }).data },
    port: { type: 'string', default: process.env.CALLSIGN_PORT ?? '0' },
    renderer: { type: 'string', default: resolve(import.meta.dirname, '../../../out/renderer') },
  },
});

const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const logger = pino({
  name: 'callsign-bridge',
  redact: ['token', '*.token', 'password', '*.password', 'authorization'],
});
let emit: WebBridge['emit'] = () => {};
const { handlers, leases } = createMainServices({
  emit: (event, data) => emit(event, data),
  secrets: new MemorySecretStore(),
  settings: new ConfSettingsStore(join(dataDir)),
  defaultServerUrl: values['server-url'],
  shell: 'web-bridge',
  logError: (message, err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, message),
  version: process.env.npm_package_version ?? '0.1.0',
});
const bridge = await startWebBridge({
  handlers,
  rendererRoot: resolve(values.renderer),
  logger,
  port: Number(values.port),
});
emit = bridge.emit;
// Screen pops (`callsign lookup …`) reach open pages as `deeplink.lookup` events.
const control = await startControlServer(controlSocketPath(dataDir), (link) =>
  bridge.emit('deeplink.lookup', 'phone' in link ? { phone: link.phone } : { email: link.email }),
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
