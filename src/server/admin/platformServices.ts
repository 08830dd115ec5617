/**
 * Wiring for the server platform (issue 6) — devices, TOTP, directory and account administration,
 * bundles — kept out of app.ts so that file only gains a few lines.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/AuditLog.js';
import type { AuthService } from '../auth/AuthService.js';
import type { ScryptParams } from '../auth/password.js';
import type { UserStore } from '../auth/UserStore.js';
import { BundleService } from '../bundle/BundleService.js';
import type { Database } from '../db/schema.js';
import { deviceRoutes } from '../devices/deviceRoutes.js';
import { DeviceStore } from '../devices/DeviceStore.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { ServerKey } from '../crypto/serverKey.js';
import type { SecurityNotices } from '../mfa/securityNotice.js';
import { DEFAULT_MFA, MfaService, type MfaPolicy } from '../mfa/MfaService.js';
import { totpRoutes } from '../mfa/totpRoutes.js';
import { AccountAdmin } from './AccountAdmin.js';
import { accountAdminRoutes } from './accountAdminRoutes.js';
import { AuditSubjectNames } from './AuditSubjectNames.js';
import { auditRoutes } from '../audit/auditRoutes.js';
import { DirectoryAdmin } from './DirectoryAdmin.js';
import { directoryAdminRoutes } from './directoryAdminRoutes.js';
import { ProfileSheets } from '../directory/import/ProfileSheets.js';
import { profileSheetRoutes } from './profileSheetRoutes.js';

export interface PlatformServices {
  devices: DeviceStore;
  mfa: MfaService;
  directoryAdmin: DirectoryAdmin;
  accounts: AccountAdmin;
  bundles: BundleService;
  auditNames: AuditSubjectNames;
  /** A site's client profiles as a spreadsheet: export, import (issue 16). */
  profileSheets: ProfileSheets;
}

export function createPlatformServices(
  deps: {
    db: Kysely<Database>;
    now: () => number;
    audit: AuditLog;
    users: UserStore;
    directory: DirectoryStore;
    scrypt: ScryptParams;
    /** Seals TOTP secrets at rest (sub-key `totp`). */
    atRestKey: ServerKey;
  },
  options: { mfa?: MfaPolicy } = {},
): PlatformServices {
  const { db, now, audit, users, directory, scrypt } = deps;
  const devices = new DeviceStore(db, now);
  const mfa = new MfaService(db, now, audit, deps.atRestKey.subkey('totp'), options.mfa ?? DEFAULT_MFA);
  return {
    devices,
    mfa,
    directoryAdmin: new DirectoryAdmin(db, directory, audit),
    accounts: new AccountAdmin(db, users, mfa, audit, scrypt, now),
    bundles: new BundleService(db, directory, audit),
    auditNames: new AuditSubjectNames(db, directory),
    profileSheets: new ProfileSheets(db, directory, audit),
  };
}

export async function registerPlatformRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    audit: AuditLog;
    platform: PlatformServices;
    totpLimit: preHandlerAsyncHookHandler;
    /** E-mails users about changes to how they sign in (two-step sign-in, an administrator's resets). */
    notices: SecurityNotices;
    now: () => number;
  },
): Promise<void> {
  const { auth, audit, platform, totpLimit } = deps;
  await app.register(totpRoutes, { auth, mfa: platform.mfa, totpLimit, notices: deps.notices });
  await app.register(deviceRoutes, { devices: platform.devices, audit });
  await app.register(directoryAdminRoutes, { admin: platform.directoryAdmin });
  await app.register(accountAdminRoutes, { accounts: platform.accounts, notices: deps.notices });
  await app.register(auditRoutes, { audit, names: platform.auditNames });
  await app.register(profileSheetRoutes, { sheets: platform.profileSheets, now: deps.now });
}
