/**
 * `callsign-server serve` — opens (and migrates) the database in the data folder, optionally seeds
 * the demo workspace, and listens on loopback unless told otherwise. Stdout carries only the lines a
 * person or script needs (demo accounts once, "listening on"); JSON logs go to stderr.
 * The demo password is printed once to stdout when first seeded and is never logged or written.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp, createServices } from '../app.js';
import { ensureKeyFile, NO_KEY_MESSAGE } from '../crypto/serverKey.js';
import { seedDemoVault } from '../demo/seedDemoVault.js';
import { vaultDrivers } from '../vault/vaultDrivers.js';
import { resolveAtRestKey } from '../crypto/atRestKey.js';
import { isPostgresUrl, openServerDatabase } from '../db/openServerDatabase.js';
import { seedDemoApprovals } from '../demo/seedDemoApprovals.js';
import { DEMO_ACCOUNTS, seedDemoWorkspace } from '../demo/seedDemoWorkspace.js';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { mailerFromEnv } from '../notify/Mailer.js';
import { cliServerKey } from './cliServerKey.js';
import type { CliIo } from './io.js';
import { LISTEN_FLAGS, resolveListen } from './listenOptions.js';
import { defaultDataDir, intFlag, parseFlags } from './options.js';
import { logDestination } from '../logging/logDestination.js';
import { DESKTOP_PAGE_LIMIT } from '../sync/SyncPageWarmer.js';

export function serverVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

/** Readable random password: 16 chars of base64url (96 bits). */
const randomPassword = () => randomBytes(12).toString('base64url');

/** Resolves with the exit code once the server has shut down (SIGINT/SIGTERM or `stop`). */
export async function serveCommand(args: string[], io: CliIo, stop?: AbortSignal): Promise<number> {
  const { values } = parseFlags('serve', args, {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    ...LISTEN_FLAGS,
    demo: { type: 'boolean' },
    'cors-origin': { type: 'string', multiple: true },
    'log-file': { type: 'string' },
  });
  const port = intFlag('port', values.port, 4317, 0, 65535);
  const listen = resolveListen(values); // before opening anything: a refused address changes nothing
  const dataDir = values['data-dir'] ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // TOTP secrets and SMS codes at rest: the configured key, or (SQLite only) <dataDir>/server.key.
  // Resolved before the database opens, so PostgreSQL without a shared key stops here.
  const keyNotices: string[] = [];
  const { key: atRestKey } = resolveAtRestKey({
    env: io.env,
    dataDir,
    postgres: isPostgresUrl(io.env.DATABASE_URL),
    notice: (m) => keyNotices.push(m),
  });
  // PostgreSQL when DATABASE_URL=postgres://… is set, else SQLite in the data folder.
  const { database, where } = await openServerDatabase({ dataDir, databaseUrl: io.env.DATABASE_URL });
  // SMS codes and escalations: the demo writes them to <dataDir>/outbox (demo only); otherwise SMTP_URL.
  const mailer = values.demo ? new FolderOutbox(join(dataDir, 'outbox')) : mailerFromEnv(io.env);
  // The vault key: from CALLSIGN_VAULT_KEY_FILE / CALLSIGN_VAULT_KEY; the demo makes <dataDir>/vault.key (0600).
  // Also read by the audit anchor; an existing <dataDir>/vault.key is used without --demo too (cliServerKey).
  const serverKey = cliServerKey(dataDir, io.env) ?? (values.demo ? ensureKeyFile(dataDir).key : null);
  const services = createServices(database, {
    approvals: { mailer },
    serverKey,
    atRestKey,
    vaultDrivers: (context) => vaultDrivers(context, { demo: values.demo === true, dataDir }),
  });
  await services.platform.mfa.sealPlainSecrets(); // rows migration 0006 marked as plain text
  if (values.demo) {
    const empty = (await services.users.count()) === 0 && (await services.directory.countRecords()) === 0;
    if (empty) {
      const given = io.env.CALLSIGN_DEMO_PASSWORD;
      const password = given || randomPassword();
      const counts = await seedDemoWorkspace(database, { password });
      io.stdout.write(
        `Seeded the demo workspace: ${counts.sites} sites, ${counts.profiles} profiles, ${counts.references} references.\n`,
      );
      io.stdout.write(
        `Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(' / ')} password: ${given ? '(the value of CALLSIGN_DEMO_PASSWORD)' : password}\n`,
      );
    } else {
      io.stdout.write(
        `Using the existing workspace in ${where} (the demo password was shown when it was first seeded).\n`,
      );
    }
  }

  // Also into a demo workspace seeded before the vault existed; accounts already there are kept.
  if (values.demo && serverKey) await seedDemoVault(services);
  if (values.demo) await seedDemoApprovals(services); // only into a workspace without approval records

  const corsOrigins =
    values['cors-origin'] ??
    io.env.CALLSIGN_CORS_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean) ??
    [];
  const logLevel = io.env.LOG_LEVEL ?? 'info';
  // --log-file: JSON logs to the file, only warnings and errors (readable) on the console.
  const logs = logDestination({ file: values['log-file'], level: logLevel, console: io.stderr });
  const app = await buildApp({
    database,
    services,
    version: serverVersion(),
    logStream: logs.stream,
    logLevel,
    corsOrigins,
    syncWarm: { targets: [{ role: 'technician', limit: DESKTOP_PAGE_LIMIT, encoding: 'br' }] },
    ...(listen.https ? { https: listen.https } : {}),
    ...(listen.trustProxy ? { trustProxy: listen.trustProxy } : {}),
  });
  for (const notice of keyNotices) app.log.warn(notice);
  for (const warning of listen.warnings) app.log.warn(warning);
  try {
    await app.listen({ port, host: listen.host });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    io.stderr.write(
      `Callsign server: port ${port} on ${listen.host} is already in use — stop the program using it, or pass --port (0 picks any free port).\n`,
    );
    await app.close();
    await database.close();
    logs.close();
    return 1;
  }
  if (!serverKey) app.log.warn('the credential vault is off: no server key (%s)', NO_KEY_MESSAGE);
  services.vault.scheduler.start(); // ends login windows and rotates passwords without any request arriving
  services.mailQueue.start(); // retries queued e-mails, and sends those a stopped server left behind
  // Build the lookup index in the background; the first lookups wait for it, everything else is served at once.
  services.lookup
    .catchUp()
    .catch((err: unknown) =>
      app.log.error({ err }, 'could not build the lookup index; it is retried on the next lookup'),
    );
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  if (values['log-file']) io.stdout.write(`Server logs: ${values['log-file']}\n`);
  io.stdout.write(`Callsign server listening on ${listen.https ? 'https' : 'http'}://${shownHost}:${address.port}\n`);

  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    stop?.addEventListener('abort', done, { once: true });
  });
  await app.close();
  await database.close();
  logs.close();
  return 0;
}
