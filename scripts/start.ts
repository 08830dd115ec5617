/**
 * `npm start`: builds the renderer if needed, starts the embedded demo server (its own process, with
 * the demo workspace), then launches Electron when its binary is present, otherwise the web bridge,
 * and prints `Callsign is running at http://127.0.0.1:<port>/#…`.
 *   CALLSIGN_PORT   bridge port (default: 4318, fixed so the browser keeps one origin and one cache)
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

const server = runTs('src/server/cli/main.ts', [
  'serve',
  '--demo',
  '--port',
  process.env.CALLSIGN_SERVER_PORT ?? '0',
  '--data-dir',
  join(dataDir, 'demo-server'),
]);
const [, serverUrl] = await waitForLine(server, /listening on (http:\/\/\S+)/, (l) => console.log(l));
console.log(`Demo server: ${serverUrl}`);

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
    env: { ...process.env, CALLSIGN_SERVER_URL: serverUrl },
  });
  electron.on('exit', () => (stopAll(), process.exit(0)));
} else {
  const bridge = runTs('src/main/bridge/main.ts', ['--server-url', serverUrl!, '--data-dir', dataDir]);
  const [line] = await waitForLine(bridge, /Callsign is running at \S+/, (l) => console.log(l));
  console.log('Electron binary not found — running in your browser through the web bridge.');
  console.log(line);
}
