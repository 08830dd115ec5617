/**
 * The server's one start-up wiring file: builds stores and services from the database and mounts
 * the routes on a Fastify instance. No globals — tests call `buildApp` with `:memory:` databases
 * and a log capture stream, the CLI with the real data directory and stderr.
 */
import { randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { createCallerIndex, identifyCaller } from '../shared/identify/index.js';
import { createPlatformServices, registerPlatformRoutes, type PlatformServices } from './admin/platformServices.js';
import {
  createApprovalServices,
  registerApprovalRoutes,
  type ApprovalServiceOptions,
  type ApprovalServices,
} from './approvals/approvalServices.js';
import { AuditLog } from './audit/AuditLog.js';
import { AuthService } from './auth/AuthService.js';
import { LoginThrottle, DEFAULT_THROTTLE, type ThrottlePolicy } from './auth/LoginThrottle.js';
import { PasswordChange } from './auth/PasswordChange.js';
import { type ScryptParams, DEFAULT_SCRYPT } from './auth/password.js';
import { SessionStore } from './auth/SessionStore.js';
import { UserStore } from './auth/UserStore.js';
import type { AnyServerDatabase } from './db/openServerDatabase.js';
import { ServerKey } from './crypto/serverKey.js';
import { createCtiServices, registerCtiRoutes, type CtiServices } from './cti/ctiServices.js';
import type { CtiStreamOptions } from './cti/ctiStream.js';
import type { WarmerOptions } from './sync/SyncPageWarmer.js';
import { DirectoryStore } from './directory/DirectoryStore.js';
import { registerApiDocs } from './http/apiDocs.js';
import { createTurnTaking } from './http/turnTaking.js';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errorHandling.js';
import { createLogger } from './logging/logOptions.js';
import { LookupService, type CallerIdentifier } from './lookup/LookupService.js';
import type { MfaPolicy } from './mfa/MfaService.js';
import { enforcePermissions, installPermissions } from './permissions/installPermissions.js';
import { RateLimiter } from './permissions/RateLimiter.js';
import {
  DEFAULT_RATE_LIMITS,
  escalationLimit,
  signInLimits,
  smsSendLimit,
  type RateLimitPolicy,
} from './permissions/rateLimits.js';
import { authRoutes } from './routes/authRoutes.js';
import { SecurityNotices } from './mfa/securityNotice.js';
import { MailQueue } from './notify/MailQueue.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { lookupRoutes } from './routes/lookupRoutes.js';
import { syncRoutes } from './routes/syncRoutes.js';
import {
  createVaultServices,
  registerVaultRoutes,
  type VaultOptions,
  type VaultServices,
} from './vault/vaultServices.js';

/** `serverKey` (null: vault routes answer 503), `vaultDrivers`, rotation timing: vault/vaultServices.ts. */
export interface ServiceOptions extends VaultOptions {
  now?: () => number;
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  identifier?: CallerIdentifier;
  /** Mailer (demo outbox / SMTP) and SMS code settings for security approvals. */
  approvals?: ApprovalServiceOptions;
  /** TOTP sign-in challenge lifetime and tries. */
  mfa?: MfaPolicy;
  /**
   * The server key file (crypto/serverKey.ts), declared in VaultOptions: without it the vault answers
   * 503 and the audit anchor holds the plain head only.
   */
  serverKey?: ServerKey | null;
  /**
   * Protects TOTP secrets and the SMS-code HMAC at rest (crypto/atRestKey.ts): the configured server
   * key, or the SQLite data folder's server.key. Not the vault's key (that one must be configured).
   * Absent: a random key of this process only — for tests, benches and CLI commands that never read
   * a TOTP secret or an SMS code (`serve` always passes one).
   */
  atRestKey?: ServerKey;
}

export interface Services {
  users: UserStore;
  sessions: SessionStore;
  auth: AuthService;
  directory: DirectoryStore;
  lookup: LookupService;
  audit: AuditLog;
  approvals: ApprovalServices;
  /** E-mails about changes to how someone signs in, queued durably (mfa/securityNotice.ts). */
  securityNotices: SecurityNotices;
  /** Mail that must get through: stored, sent and retried (notify/MailQueue.ts); `serve` starts its timer. */
  mailQueue: MailQueue;
  /** Devices, TOTP, directory and account administration, bundles (issue 6). */
  platform: PlatformServices;
  /** Per-minute sign-in limits, in the database so all server processes share them. */
  rateLimiter: RateLimiter;
  /** The NOC credential vault (issue 10). */
  vault: VaultServices;
  /** Incoming calls from the phone system (issue 13). */
  cti: CtiServices;
}

/** The shared identification the desktop client uses, so server and client agree on every match. */
export const sharedIdentifier: CallerIdentifier = { createIndex: createCallerIndex, identify: identifyCaller };

export function createServices(database: AnyServerDatabase, options: ServiceOptions = {}): Services {
  const atRestKey = options.atRestKey ?? ServerKey.generate();
  const now = options.now ?? Date.now;
  const { db } = database;
  const users = new UserStore(db, now, options.scrypt ?? DEFAULT_SCRYPT);
  const sessions = new SessionStore(db, now);
  const audit = new AuditLog(db, now, options.serverKey?.subkey('audit-anchor'));
  const directory = new DirectoryStore(db, now);
  const platform = createPlatformServices(
    { db, now, audit, users, directory, scrypt: options.scrypt ?? DEFAULT_SCRYPT, atRestKey },
    { mfa: options.mfa },
  );
  const auth = new AuthService(
    users,
    sessions,
    new LoginThrottle(db, now, options.throttle ?? DEFAULT_THROTTLE),
    audit,
    platform,
    new PasswordChange(db, now, sessions, audit, options.scrypt ?? DEFAULT_SCRYPT),
    now,
  );
  const lookup = new LookupService(directory, options.identifier ?? sharedIdentifier);
  const exportKey = options.serverKey?.subkey('audit-export');
  const approvals = createApprovalServices({ db, directory, audit, now, atRestKey, exportKey }, options.approvals);
  const mailQueue = new MailQueue(db, approvals.mailer, now);
  return {
    users,
    sessions,
    auth,
    directory,
    lookup,
    audit,
    approvals,
    securityNotices: new SecurityNotices(mailQueue, now),
    mailQueue,
    platform,
    rateLimiter: new RateLimiter(db, now),
    vault: createVaultServices({ db, now, audit, directory, approvalRecords: approvals.records }, options),
    cti: createCtiServices({ db, now, lookup }),
  };
}

export interface AppDeps extends Omit<ServiceOptions, 'atRestKey'> {
  /** Needed only when `services` is not given. */
  atRestKey?: ServerKey;
  database: AnyServerDatabase;
  /** Reuse services built by the caller (e.g. the CLI after seeding); created otherwise. */
  services?: Services;
  version?: string;
  /** Where JSON log lines go; defaults to stderr. */
  logStream?: DestinationStream;
  logLevel?: string;
  /** Browser origins allowed to call the API (the web bridge's origin); none by default. */
  corsOrigins?: readonly string[];
  /**
   * Reverse proxies (IPs / CIDR ranges) whose X-Forwarded-For names the client: the address used for
   * sign-in lockout and in the audit trail. Nobody else's X-Forwarded-For is believed.
   */
  trustProxy?: boolean | readonly string[];
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP otherwise. */
  https?: { cert: Buffer | string; key: Buffer | string };
  bodyLimitBytes?: number;
  /** Sign-in attempts per minute per address and per account (default 10). */
  rateLimits?: RateLimitPolicy;
  /** Vault check-outs per user (default 30 an hour). */
  vaultCheckoutLimit?: { max: number; windowMs: number };
  /** How often the call stream re-checks a desktop's access token, and pings it. */
  ctiStream?: CtiStreamOptions;
  /** Build sync pages before desktops ask (sync/SyncPageWarmer.ts); `serve` turns it on. */
  syncWarm?: WarmerOptions;
}

/** An HTTPS server in place of Fastify's HTTP one; https.Server has the same request/response API. */
const httpsServerFactory =
  (tls: NonNullable<AppDeps['https']>): FastifyServerFactory<Server> =>
  (handler: RequestListener) =>
    createHttpsServer(tls, handler) as unknown as Server;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function createServicesFor(deps: AppDeps): Services {
  return createServices(deps.database, deps);
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const services = deps.services ?? createServicesFor(deps);
  const app = Fastify({
    loggerInstance: createLogger(deps.logLevel ?? 'info', deps.logStream ?? process.stderr) as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes ?? 1_048_576,
    trustProxy: typeof deps.trustProxy === 'object' ? [...deps.trustProxy] : (deps.trustProxy ?? false),
    // HTTP/1.1 over TLS: the desktop's client speaks HTTP/1.1, and one server type keeps the raw
    // socket error handling (clientErrorHandler) the same with and without TLS.
    ...(deps.https ? { serverFactory: httpsServerFactory(deps.https) } : {}),
    requestIdHeader: false,
    frameworkErrors,
    clientErrorHandler,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // First hook of all: requests take turns so a busy server keeps accepting connections (turnTaking.ts).
  const turns = createTurnTaking();
  app.addHook('onRequest', (_request, _reply, done) => turns.wait(done));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);
  installPermissions(app); // before any route: every route must declare its permission

  await app.register(helmet);
  const origins = deps.corsOrigins ?? [];
  await app.register(cors, {
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  enforcePermissions(app, services.auth); // after helmet and CORS, so 401/403 carry their headers
  await registerApiDocs(app, deps.version ?? '0.0.0-dev');
  const limits = signInLimits(services.rateLimiter, deps.rateLimits ?? DEFAULT_RATE_LIMITS);

  await app.register(healthRoutes, { version: deps.version ?? '0.0.0-dev' });
  await app.register(authRoutes, {
    auth: services.auth,
    loginLimit: limits.login,
    passwordLimit: limits.password,
    notices: services.securityNotices,
  });
  await app.register(syncRoutes, { auth: services.auth, directory: services.directory, warm: deps.syncWarm });
  await app.register(lookupRoutes, { auth: services.auth, lookup: services.lookup });
  await registerApprovalRoutes(app, {
    auth: services.auth,
    directory: services.directory,
    approvals: services.approvals,
    smsSendLimit: smsSendLimit(services.rateLimiter),
    escalationLimit: escalationLimit(services.rateLimiter),
    db: deps.database.db,
  });
  await registerPlatformRoutes(app, {
    auth: services.auth,
    audit: services.audit,
    platform: services.platform,
    totpLimit: limits.totp,
    notices: services.securityNotices,
    now: deps.now ?? Date.now,
  });
  await registerVaultRoutes(app, services.vault, {
    limiter: services.rateLimiter,
    ...(deps.vaultCheckoutLimit ? { checkoutLimit: deps.vaultCheckoutLimit } : {}),
  });
  const { auth, audit, users, directory } = services;
  await registerCtiRoutes(
    app,
    services.cti,
    { auth, audit, users, directory, now: deps.now ?? Date.now },
    deps.ctiStream,
  );
  app.addHook('onClose', () => services.vault.scheduler.stop());
  services.mailQueue.log = { error: (context, message) => app.log.error(context, message) };
  // Sends under way end (or fail, logged and kept queued) before the server's database closes.
  app.addHook('onClose', () => services.mailQueue.stop());
  return app;
}
