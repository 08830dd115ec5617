/**
 * Wiring for security approvals (issue 5), kept out of app.ts so that file only gains a few lines:
 * the stores and services below, and `registerApprovalRoutes` mounting every approvals, SMS and
 * outbox route. The Mailer decides where SMS codes and escalations go: the demo folder outbox, SMTP
 * from SMTP_URL, or nowhere (sending then fails with a message saying what to configure).
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/AuditLog.js';
import type { AuthService } from '../auth/AuthService.js';
import type { ServerKey } from '../crypto/serverKey.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { RateLimiter } from '../permissions/RateLimiter.js';
import { unconfiguredMailer, type Mailer } from '../notify/Mailer.js';
import { outboxRoutes } from '../notify/outboxRoutes.js';
import { SmsCodeService, type SmsCodeOptions } from '../sms/SmsCodeService.js';
import { smsRoutes } from '../sms/smsRoutes.js';
import { approvalRoutes } from './approvalRoutes.js';
import { ApprovalStore } from './ApprovalStore.js';
import { buildSiteRules, type StoredSiteRules } from './buildSiteRules.js';
import { EscalationService } from './EscalationService.js';
import { PolicyStore } from './PolicyStore.js';

export interface ApprovalServiceOptions {
  /** Where SMS codes and escalation emails go; a FolderOutbox also enables `GET /v1/outbox`. */
  mailer?: Mailer;
  sms?: SmsCodeOptions;
}

export interface ApprovalServices {
  policies: PolicyStore;
  records: ApprovalStore;
  sms: SmsCodeService;
  escalations: EscalationService;
  mailer: Mailer;
  /** Set only in the demo workspace. */
  outbox: FolderOutbox | undefined;
  siteRules(siteId: string): Promise<StoredSiteRules | undefined>;
}

export function createApprovalServices(
  deps: { db: Kysely<Database>; directory: DirectoryStore; audit: AuditLog; now: () => number; atRestKey: ServerKey },
  options: ApprovalServiceOptions = {},
): ApprovalServices {
  const { db, directory, audit, now } = deps;
  const mailer = options.mailer ?? unconfiguredMailer;
  const policies = new PolicyStore(directory);
  const records = new ApprovalStore(db, audit, now);
  const siteRules = (siteId: string) => buildSiteRules({ db, directory, policies }, siteId);
  const limiter = new RateLimiter(db, now);
  return {
    policies,
    records,
    sms: new SmsCodeService(db, mailer, audit, now, deps.atRestKey.subkey('sms-hmac'), options.sms),
    escalations: new EscalationService({ db, directory, policies, records, siteRules, mailer, audit, limiter }),
    mailer,
    outbox: mailer instanceof FolderOutbox ? mailer : undefined,
    siteRules,
  };
}

export async function registerApprovalRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    directory: DirectoryStore;
    approvals: ApprovalServices;
    smsSendLimit: preHandlerAsyncHookHandler;
    escalationLimit: preHandlerAsyncHookHandler;
  },
): Promise<void> {
  const { auth, directory, approvals } = deps;
  await app.register(approvalRoutes, { auth, approvals, escalationLimit: deps.escalationLimit });
  await app.register(smsRoutes, {
    auth,
    directory,
    policies: approvals.policies,
    sms: approvals.sms,
    sendLimit: deps.smsSendLimit,
  });
  await app.register(outboxRoutes, { auth, outbox: approvals.outbox });
}
