/**
 * Escalations (APPROVALS.md §3: `tier4` and `escalate_partner` "escalate via the site's notification
 * rule"): one email to each of the site's notification contacts, through the server's Mailer, and one
 * `approval.escalated` audit event — at most once per record.
 *
 * Only for a **stored** record of the signed-in technician that ended escalated, and the email is
 * built here from that record and the server's own data (site, current rules' reasons, the user's
 * name): no text of the request, nor the record's notes, is mailed, so the endpoint cannot relay
 * spam. The ticket number is mailed only when it looks like one. Sends are counted per technician
 * (rateLimits.ts ESCALATION_LIMITS): the route counts requests, an upload counts the send it makes.
 *
 * Once per record: concurrent calls in this process share one promise; on PostgreSQL a transaction-
 * scoped advisory lock per record serialises processes around "already sent? send, record it".
 */
import type { Kysely } from 'kysely';
import { AppError, type ApprovalRecord } from '../../shared/api/index.js';
import { evaluate, getAction } from '../../shared/approvals/index.js';
import type { Site } from '../../shared/domain/index.js';
import { AUDIT_EVENT, type AuditLog } from '../audit/AuditLog.js';
import { isPostgres, lockKey } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { Mailer, MailMessage } from '../notify/Mailer.js';
import type { RateLimiter } from '../permissions/RateLimiter.js';
import { ESCALATION_LIMITS, escalationLimitKey } from '../permissions/rateLimits.js';
import type { ApprovalStore } from './ApprovalStore.js';
import type { StoredSiteRules } from './buildSiteRules.js';
import type { PolicyStore } from './PolicyStore.js';

type Outcome = 'tier4' | 'escalate_partner';

const OUTCOME_TITLE = { tier4: 'Tier 4 approval required', escalate_partner: 'Escalated to the partner' } as const;

const outcomeOf = (record: ApprovalRecord): Outcome | undefined =>
  record.finalState === 'escalated_tier4'
    ? 'tier4'
    : record.finalState === 'escalated_partner'
      ? 'escalate_partner'
      : undefined;

/** A ticket number as PSAs make them (no spaces, short); anything else is not mailed. */
const TICKET = /^[A-Za-z0-9#._/-]{1,32}$/;

export function escalationMessage(
  site: Site,
  record: ApprovalRecord,
  outcome: Outcome,
  technician: string,
  reasons: readonly string[],
): Omit<MailMessage, 'to'> {
  const action = getAction(record.request.action);
  const actionText = action ? `${action.title} (${action.id})` : record.request.action;
  const ticket = record.ticket && TICKET.test(record.ticket) ? record.ticket : undefined;
  return {
    subject: `[Callsign] ${OUTCOME_TITLE[outcome]}: ${site.name} — ${ticket ? `ticket ${ticket}` : (action?.title ?? record.request.action)}`,
    text: [
      `${OUTCOME_TITLE[outcome]} for a security-related request.`,
      '',
      `Site: ${site.name} (${site.id})`,
      `Action: ${actionText}`,
      `Outcome: ${outcome}`,
      `Ticket: ${ticket ? `ticket ${ticket}` : 'no ticket number'}`,
      `Technician: ${technician}`,
      `Approval record: ${record.id}`,
      '',
      "Reasons (the site's current rules):",
      ...(reasons.length > 0 ? reasons.map((r) => `- ${r}`) : ['- (none given)']),
      '',
      outcome === 'tier4'
        ? 'Please review and approve or deny at Tier 4; the technician will not make the change until then.'
        : 'Please contact the site to obtain approval; the technician will not make the change until then.',
    ].join('\n'),
  };
}

export interface EscalationDeps {
  db: Kysely<Database>;
  directory: DirectoryStore;
  policies: PolicyStore;
  records: ApprovalStore;
  siteRules(siteId: string): Promise<StoredSiteRules | undefined>;
  mailer: Mailer;
  audit: AuditLog;
  limiter: RateLimiter;
}

export class EscalationService {
  private readonly inFlight = new Map<string, Promise<{ notified: number }>>();

  constructor(private readonly deps: EscalationDeps) {}

  /**
   * A record that ended escalated but whose escalation was never sent (the technician was offline:
   * the wizard's own call failed) is escalated when the record is uploaded, counted against the
   * uploader's escalation limit (a refusal throws `rate_limited`; the wizard can ask again later).
   */
  async escalateUploaded(record: ApprovalRecord, actor: { id: string; name: string }): Promise<void> {
    const outcome = outcomeOf(record);
    if (!outcome || (await this.deps.audit.has(AUDIT_EVENT.approvalEscalated, record.id))) return;
    const { max, windowMs } = ESCALATION_LIMITS.perTechnician;
    const hit = await this.deps.limiter.hit(escalationLimitKey(actor.id), max, windowMs);
    if (!hit.allowed)
      throw new AppError(
        'rate_limited',
        `Escalation of record ${record.id} not sent: too many escalations in the last 10 minutes. Ask again in ${hit.retryAfterSeconds} s.`,
      );
    await this.once(record, outcome, actor);
  }

  /** `POST /v1/approvals/escalations`: the caller's stored, escalated record → `{ notified }`. */
  async escalate(recordId: string, actor: { id: string; name: string }): Promise<{ notified: number }> {
    const record = await this.deps.records.get(recordId);
    // Someone else's record answers as if absent: its existence is not the caller's business.
    if (!record || record.technician.id !== actor.id)
      throw new AppError(
        'not_found',
        `recordId: the server has no approval record ${recordId} of yours. Records are escalated when they upload; wait for the upload, or check the id.`,
        'recordId',
      );
    const outcome = outcomeOf(record);
    if (!outcome)
      throw new AppError(
        'bad_request',
        `recordId: record ${recordId} ended "${record.finalState}", not escalated; only an escalated record notifies the site's contacts.`,
        'recordId',
      );
    return this.once(record, outcome, actor);
  }

  private once(record: ApprovalRecord, outcome: Outcome, actor: { id: string; name: string }) {
    const running = this.inFlight.get(record.id);
    if (running) return running;
    const run = this.locked(record.id, () => this.sendUnlessSent(record, outcome, actor)).finally(() =>
      this.inFlight.delete(record.id),
    );
    this.inFlight.set(record.id, run);
    return run;
  }

  private async locked<T>(recordId: string, fn: () => Promise<T>): Promise<T> {
    // SQLite serves one process (and holds one connection: a transaction here would stall every
    // request while mail is sent); the in-process promise above is then enough.
    if (!isPostgres(this.deps.db)) return fn();
    return this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, `escalation:${recordId}`);
      return fn();
    });
  }

  private async sendUnlessSent(
    record: ApprovalRecord,
    outcome: Outcome,
    actor: { id: string; name: string },
  ): Promise<{ notified: number }> {
    const sent = await this.deps.audit.find(AUDIT_EVENT.approvalEscalated, record.id);
    if (sent) return { notified: Number((sent.data as { notified?: unknown }).notified ?? 0) };
    const site = await this.deps.directory.get('site', record.siteId);
    if (!site)
      throw new AppError(
        'not_found',
        `siteId: site "${record.siteId}" no longer exists, so it has no contacts to notify. Phone the partner instead.`,
        'siteId',
      );
    const contacts = (await this.deps.policies.get(site.id))?.notificationContacts ?? [];
    const rules = await this.deps.siteRules(site.id);
    const reasons = rules ? evaluate(rules.rules, record.request).reasons : [];
    const message = escalationMessage(site, record, outcome, actor.name, reasons);
    let notified = 0;
    for (const contact of contacts) {
      await this.deps.mailer.send({ to: `"${contact.name.replace(/["\\<>]/g, '')}" <${contact.email}>`, ...message });
      notified++;
    }
    await this.deps.audit.append({
      type: AUDIT_EVENT.approvalEscalated,
      actor: actor.id,
      subject: record.id,
      data: { siteId: site.id, action: record.request.action, outcome, ticket: record.ticket, notified },
    });
    return { notified };
  }
}
