/**
 * `npm start`: builds the renderer if needed, starts the embedded demo server (its own process, with
 * the demo workspace), then launches Electron when its binary is present, otherwise the web bridge,
 * and prints `Callsign is running at http://127.0.0.1:<port>/#…`.
 *   CALLSIGN_PORT   bridge port (default: 4318, fixed so the browser keeps one origin and one cache)
 *   CALLSIGN_SERVER_PORT  demo server port (default: 4317, fixed so a server address typed once stays
 *                   right; a stored loopback address follows the demo anyway — serverUrlChoice.ts)
 *   CALLSIGN_DATA_DIR  where settings and the demo server's database live (default: per-user)
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { electronBinaryPresent, rendererIsStale, root, runTs, stopAll, waitForLine } from './processes.js';

const dataDir = process.env.CALLSIGN_DATA_DIR ?? envPaths('callsign', { suffix: '' }).data;
const vite = join(root, 'node_modules/vite/bin/vite.js');

if (rendererIsStale()) {
  console.log('Building the Callsign renderer…');
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

// Request logs go to a file in the data folder; the console gets the URL, the demo password and errors.
const server = runTs('src/server/cli/main.ts', [
  'serve',
  '--demo',
  '--port',
  process.env.CALLSIGN_SERVER_PORT ?? '4317',
  '--data-dir',
  join(dataDir, 'demo-server'),
  '--log-file',
  join(dataDir, 'demo-server', 'logs', 'server.log'),
]);
const serverUrl = await waitForLine(server, /listening on (http:\/\/\S+)/, (l) => console.log(l)).then(
  ([, url]) => url!,
  () => {
    // The server has said why on stderr (e.g. the port is taken).
    console.error('The demo server did not start; see the message above. CALLSIGN_SERVER_PORT picks another port.');
    stopAll();
    process.exit(1);
  },
);
console.log(`Demo server: ${serverUrl}`);
const demoEnv = { CALLSIGN_SERVER_URL: serverUrl, CALLSIGN_DEMO_SERVER_URL: serverUrl };

process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));

if (electronBinaryPresent()) {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  const electron = spawn(join(root, 'node_modules/.bin/electron'), ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...demoEnv },
  });
  electron.on('exit', () => (stopAll(), process.exit(0)));
} else {
  const bridge = runTs('src/main/bridge/main.ts', ['--server-url', serverUrl, '--data-dir', dataDir], demoEnv);
  const [line] = await waitForLine(bridge, /Callsign is running at \S+/, (l) => console.log(l));
  console.log('Electron binary not found — running in your browser through the web bridge.');
  console.log(line);
}
