/**
 * Wiring for security approvals (issue 5), kept out of app.ts so that file only gains a few lines:
 * the stores and services below, and `registerApprovalRoutes` mounting every approvals, SMS and
 * outbox route. The Mailer decides where SMS codes and escalations go: the demo folder outbox, SMTP
 * from SMTP_URL, or nowhere (sending then fails with a message saying what to configure).
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import { ApprovalExporter } from '../audit/ApprovalExporter.js';
import { ApprovalFlagger } from '../audit/ApprovalFlagger.js';
import { ApprovalReview } from '../audit/ApprovalReview.js';
import { approvalReviewRoutes } from '../audit/approvalReviewRoutes.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { flagColumn } from '../audit/anomalyRules.js';
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
  /** Re-check and anomaly flags of approval records (issue 15). */
  flagger: ApprovalFlagger;
  review: ApprovalReview;
  exporter: ApprovalExporter;
  sms: SmsCodeService;
  escalations: EscalationService;
  mailer: Mailer;
  /** Set only in the demo workspace. */
  outbox: FolderOutbox | undefined;
  siteRules(siteId: string): Promise<StoredSiteRules | undefined>;
}

export function createApprovalServices(
  deps: {
    db: Kysely<Database>;
    directory: DirectoryStore;
    audit: AuditLog;
    now: () => number;
    atRestKey: ServerKey;
    /** The server key's `audit-export` sub-key: signs review exports (unsigned without one). */
    exportKey?: Buffer | undefined;
  },
  options: ApprovalServiceOptions = {},
): ApprovalServices {
  const { db, directory, audit, now } = deps;
  const mailer = options.mailer ?? unconfiguredMailer;
  const policies = new PolicyStore(directory);
  const flagger = new ApprovalFlagger(db, (siteId, policy) =>
    buildSiteRules({ db, directory, policies }, siteId, policy),
  );
  const records = new ApprovalStore(db, audit, now, async (record) =>
    flagColumn((await flagger.assess(record, false)).flags),
  );
  const siteRules = (siteId: string) => buildSiteRules({ db, directory, policies }, siteId);
  const review = new ApprovalReview(db, directory, flagger);
  const limiter = new RateLimiter(db, now);
  return {
    policies,
    records,
    flagger,
    review,
    exporter: new ApprovalExporter(review, audit, now, deps.exportKey),
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
    db: Kysely<Database>;
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
  await app.register(approvalReviewRoutes, {
    auth,
    db: deps.db,
    directory,
    review: approvals.review,
    exporter: approvals.exporter,
  });
  checkUnflaggedInBackground(app, approvals.flagger);
}

/**
 * Rows stored before the review existed (migration 0009) or by a server without the flagger carry no
 * flags yet: they are checked in batches once the server is ready, without delaying start-up.
 */
function checkUnflaggedInBackground(app: FastifyInstance, flagger: ApprovalFlagger): void {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  app.addHook('onReady', async () => {
    running = (async () => {
      let checked = 0;
      for (let n = 1; n > 0 && !stopped; checked += n) n = await flagger.checkUnflagged();
      if (checked > 0) app.log.info({ checked }, 'approval review: checked stored approval records for anomalies');
    })().catch((err: unknown) =>
      app.log.error(
        { err },
        'approval review: checking stored approval records for anomalies failed; records stored before the review show no flags until the server restarts',
      ),
    );
  });
  app.addHook('onClose', async () => {
    stopped = true;
    await running;
  });
}
