/**
 * Escalations (APPROVALS.md §3: `tier4` and `escalate_partner` "escalate via the site's notification
 * rule"): one email to each of the site's notification contacts, through the server's Mailer, and one
 * `approval.escalated` audit event. Nothing here is secret; the text is what the partner needs to act.
 */
import { AppError, type EscalationRequest } from '../../shared/api/index.js';
import { getAction } from '../../shared/approvals/index.js';
import type { Site } from '../../shared/domain/index.js';
import { AUDIT_EVENT, type AuditSink } from '../audit/AuditLog.js';
import type { ApprovalRecord } from '../../shared/api/index.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { Mailer, MailMessage } from '../notify/Mailer.js';
import type { PolicyStore } from './PolicyStore.js';

const OUTCOME_TITLE = { tier4: 'Tier 4 approval required', escalate_partner: 'Escalated to the partner' } as const;

export function escalationMessage(site: Site, request: EscalationRequest, technician: string): Omit<MailMessage, 'to'> {
  const action = getAction(request.action);
  const actionText = action ? `${action.title} (${action.id})` : request.action;
  const ticket = request.ticket ? `ticket ${request.ticket}` : 'no ticket number';
  return {
    subject: `[Callsign] ${OUTCOME_TITLE[request.outcome]}: ${site.name} — ${request.ticket ? `ticket ${request.ticket}` : (action?.title ?? request.action)}`,
    text: [
      `${OUTCOME_TITLE[request.outcome]} for a security-related request.`,
      '',
      `Site: ${site.name} (${site.id})`,
      `Action: ${actionText}`,
      `Outcome: ${request.outcome}`,
      `Ticket: ${ticket}`,
      `Technician: ${technician}`,
      `Approval record: ${request.recordId}`,
      '',
      'Reasons:',
      ...(request.reasons.length > 0 ? request.reasons.map((r) => `- ${r}`) : ['- (none given)']),
      '',
      request.outcome === 'tier4'
        ? 'Please review and approve or deny at Tier 4; the technician will not make the change until then.'
        : 'Please contact the site to obtain approval; the technician will not make the change until then.',
    ].join('\n'),
  };
}

export class EscalationService {
  constructor(
    private readonly deps: {
      directory: DirectoryStore;
      policies: PolicyStore;
      mailer: Mailer;
      audit: AuditSink & { has(type: string, subject: string): Promise<boolean> };
    },
  ) {}

  /**
   * A record that ended escalated but whose escalation was never sent (the technician was offline:
   * the wizard's own `approvals.escalate` call failed) is escalated when the record is uploaded.
   * At most once per record: the audit log says whether it already happened.
   */
  async escalateUploaded(record: ApprovalRecord, actor: { id: string; name: string }): Promise<void> {
    const outcome =
      record.finalState === 'escalated_tier4'
        ? 'tier4'
        : record.finalState === 'escalated_partner'
          ? 'escalate_partner'
          : undefined;
    if (!outcome || (await this.deps.audit.has(AUDIT_EVENT.approvalEscalated, record.id))) return;
    await this.escalate(
      {
        siteId: record.siteId,
        recordId: record.id,
        outcome,
        action: record.request.action,
        reasons: record.decision.reasons,
        ...(record.ticket ? { ticket: record.ticket } : {}),
      },
      actor,
    );
  }

  async escalate(request: EscalationRequest, actor: { id: string; name: string }): Promise<{ notified: number }> {
    const site = await this.deps.directory.get('site', request.siteId);
    if (!site)
      throw new AppError(
        'not_found',
        `siteId: there is no site "${request.siteId}". Sync and pick the site again.`,
        'siteId',
      );
    const contacts = (await this.deps.policies.get(site.id))?.notificationContacts ?? [];
    const message = escalationMessage(site, request, actor.name);
    let notified = 0;
    for (const contact of contacts) {
      await this.deps.mailer.send({ to: `"${contact.name.replace(/["\\<>]/g, '')}" <${contact.email}>`, ...message });
      notified++;
    }
    await this.deps.audit.append({
      type: AUDIT_EVENT.approvalEscalated,
      actor: actor.id,
      subject: request.recordId,
      data: { siteId: site.id, action: request.action, outcome: request.outcome, ticket: request.ticket, notified },
    });
    return { notified };
  }
}
