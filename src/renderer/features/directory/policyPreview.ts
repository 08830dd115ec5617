/**
 * The "what will happen" preview beside the approval policy form: the shared evaluator run on the
 * form's current values (not the saved policy), so every edit shows its effect before it is saved.
 * The site's people come from the server list the form already holds; references are left out (an
 * `rmm-preapproved` tag only matters for RMM installs, and the preview says what the policy does).
 */
import { explainDecision, type ExplainedDecision } from '../../../shared/approvals/evaluate.js';
import { SiteRules, type SitePolicies } from '../../../shared/approvals/schemas.js';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';

export interface SampleRequest {
  action: string;
  /** A person of the site playing the caller; none = an unidentified caller. */
  callerProfileId?: string;
}

export function previewDecision(
  site: Pick<Site, 'id' | 'country' | 'rmmAgentOptIn'>,
  people: readonly ClientProfile[],
  policies: SitePolicies,
  sample: SampleRequest,
): ExplainedDecision | null {
  const rules = SiteRules.safeParse({
    siteId: site.id,
    country: site.country,
    rmmAgentOptIn: site.rmmAgentOptIn,
    policies,
    people: people.map((p) => ({ profileId: p.id, firstName: p.firstName, lastName: p.lastName, phones: p.phones })),
  });
  // An approver being edited may be incomplete for a moment; the form shows that field's error.
  if (!rules.success) return null;
  return explainDecision(rules.data, {
    siteId: site.id,
    action: sample.action,
    callerProfileId: sample.callerProfileId,
    subject: 'self',
    target: 'workstation',
    unmanagedMachine: false,
  });
}
