/**
 * The server process of `npm run bench:cti`: SQLite file in a temp folder, the demo fixtures, one
 * technician with extension 201 and one CTI integration. Prints `CTI_BENCH_READY <port> <token>` on
 * stdout (the token is a throwaway of this temp database, never stored elsewhere).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createServices } from '../src/server/app.js';
import { loadDirectory } from '../src/server/bundle/loadDirectory.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { FIXTURE_PROFILES, FIXTURE_SITES } from '../src/server/demo/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-cti-'));
const database = await openDatabase(join(dir, 'callsign.sqlite'));
const services = createServices(database, { scrypt: { N: 1024, r: 8, p: 1 } });
await loadDirectory(services.directory, {
  sites: FIXTURE_SITES,
  profiles: FIXTURE_PROFILES,
  references: [],
  policies: [],
});
const tech = await services.users.create({
  email: 'tech@bench.demo',
  name: 'Bench Tech',
  role: 'technician',
  password: 'bench-Password-1',
});
await services.cti.store.setExtension(tech.id, '201');
const { token } = await services.cti.store.createIntegration('bench PBX', 'bench');
const app = await buildApp({ database, services, logLevel: 'warn' });
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
console.log(`CTI_BENCH_READY ${port} ${token}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
