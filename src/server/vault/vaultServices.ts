/**
 * Wiring for the vault (issue 10), kept out of app.ts: stores and services built from the database,
 * the server key (null = no key: every vault route answers 503 with how to set one) and the
 * rotation drivers, plus the routes. Drivers are made by a factory given the per-site directory
 * settings, so the `ldap` driver can read its site's URL, DNs, CA and bind password.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ApprovalStore } from '../approvals/ApprovalStore.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { ServerKey } from '../crypto/serverKey.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { RateLimiter } from '../permissions/RateLimiter.js';
import { CredentialStore } from './CredentialStore.js';
import { DirectoryConfigStore } from './DirectoryConfigStore.js';
import { createDriverRegistry, type DriverRegistry } from './driverRegistry.js';
import { LeaseService } from './LeaseService.js';
import type { RotationDriver } from './RotationDriver.js';
import { DEFAULT_ROTATION_POLICY, RotationService, type RotationPolicy } from './RotationService.js';
import { vaultAdminRoutes } from './vaultAdminRoutes.js';
import { VaultCipher } from './vaultCipher.js';
import { vaultRoutes, DEFAULT_CHECKOUT_LIMIT, type CheckoutLimit } from './vaultRoutes.js';
import { VaultScheduler, type SchedulerLog } from './VaultScheduler.js';
import { VaultSettings } from './VaultSettings.js';

/** What a driver factory gets: the per-site directory settings (with the bind password opened on `get`). */
export interface VaultDriverContext {
  directories: DirectoryConfigStore;
}

export type VaultDriverFactory = (context: VaultDriverContext) => readonly RotationDriver[];

export interface VaultOptions {
  /** The server key; without one the vault answers 503 (NO_KEY_MESSAGE). */
  serverKey?: ServerKey | null;
  /** The rotation drivers this server offers (none by default). */
  vaultDrivers?: VaultDriverFactory;
  rotationPolicy?: RotationPolicy;
  /** Scheduler tick (default 5 s). */
  vaultIntervalMs?: number;
}

export interface VaultServices {
  cipher: VaultCipher | null;
  settings: VaultSettings;
  credentials: CredentialStore;
  leases: LeaseService;
  rotations: RotationService;
  scheduler: VaultScheduler;
  directories: DirectoryConfigStore;
  drivers: DriverRegistry;
  /** Where background failures go; app.ts points it at the server log. */
  log: SchedulerLog;
}

export function createVaultServices(
  deps: {
    db: Kysely<Database>;
    now: () => number;
    audit: AuditLog;
    directory: DirectoryStore;
    approvalRecords: ApprovalStore;
  },
  options: VaultOptions,
): VaultServices {
  const { db, now, audit, directory } = deps;
  const cipher = options.serverKey ? new VaultCipher(options.serverKey) : null;
  const directories = new DirectoryConfigStore(db, cipher, now);
  const drivers = createDriverRegistry(options.vaultDrivers?.({ directories }) ?? []);
  const settings = new VaultSettings(db, now);
  const rotations = new RotationService(
    db,
    audit,
    drivers,
    cipher,
    now,
    options.rotationPolicy ?? DEFAULT_ROTATION_POLICY,
  );
  const log: SchedulerLog = {
    error: (context, message) => console.error(message, context), // replaced by the server log in app.ts
  };
  const leases = new LeaseService({
    db,
    audit,
    approvals: deps.approvalRecords,
    settings,
    cipher,
    now,
    claimRotation: (trx, credentialId, leaseId, at) => rotations.claimOnLeaseEnd(trx, credentialId, leaseId, at),
    onLeaseEnded: (id, claim) => {
      (claim ? rotations.runClaimed(claim, 'lease_ended') : rotations.rotate(id, 'lease_ended')).catch((e: unknown) =>
        vault.log.error(
          { err: e, credentialId: id },
          'rotation after check-in failed to run; the scheduler retries it',
        ),
      );
    },
  });
  const scheduler = new VaultScheduler(
    db,
    leases,
    rotations,
    now,
    { error: (c, m) => vault.log.error(c, m) },
    options.vaultIntervalMs,
  );
  const vault: VaultServices = {
    cipher,
    settings,
    credentials: new CredentialStore(db, directory, audit, drivers, now),
    leases,
    rotations,
    scheduler,
    directories,
    drivers,
    log,
  };
  return vault;
}

export async function registerVaultRoutes(
  app: FastifyInstance,
  vault: VaultServices,
  deps: { limiter: RateLimiter; checkoutLimit?: CheckoutLimit },
): Promise<void> {
  vault.log = { error: (context, message) => app.log.error(context, message) };
  await app.register(vaultRoutes, {
    vault,
    limiter: deps.limiter,
    checkoutLimit: deps.checkoutLimit ?? DEFAULT_CHECKOUT_LIMIT,
  });
  await app.register(vaultAdminRoutes, { vault });
}
