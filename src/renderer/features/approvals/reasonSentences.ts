/**
 * The "Why" of a decision in plain sentences: each engine reason (code + params, see
 * shared/approvals/reasons.ts) becomes one translated sentence under `approvals.reason.<code>`.
 * Field names, setting values and ids never reach the screen.
 */
import type { TFunction } from 'i18next';
import type { Reason } from '../../../shared/approvals/index.js';

/** Shown instead of the per-category "no rules" lines when nothing at all has been synced for the site. */
export const NOT_SYNCED = 'not_synced';

function paramsFor(t: TFunction, r: Reason): Record<string, unknown> {
  const p = r.params as Record<string, unknown>;
  const category = 'category' in p ? t(`approvals.category.${String(p.category)}`) : undefined;
  switch (r.code) {
    case 'password_other_subject':
      return { whose: t(`approvals.reasonWhose.${r.params.whose}`) };
    case 'plan_only_partners':
      return { category, names: r.params.names.join(', '), count: r.params.names.length };
    case 'call_plan': {
      const calls = r.params.attempts.map((a) =>
        t('approvals.reasonCall', {
          approver: a.approver,
          kind: t(`approvals.approverKind.${a.kind}`),
          number: a.number,
        }),
      );
      return { calls: calls.join(t('approvals.reasonThen')), count: calls.length };
    }
    case 'number_skipped':
      return {
        owner: r.params.owner,
        number: r.params.number,
        problem: t(`approvals.phoneProblem.${r.params.problem}`),
      };
    default:
      return { ...p, category };
  }
}

export function reasonSentence(t: TFunction, r: Reason): string {
  return t(`approvals.reason.${r.code}`, paramsFor(t, r));
}

/**
 * One sentence per reason, in order. With no policy synced for the site at all, the lines that
 * follow from it ("no rules", "nobody to call") collapse into the single `not_synced` sentence, so
 * the screen never calls an unsynced site misconfigured.
 */
export function reasonSentences(t: TFunction, reasons: readonly Reason[], hasPolicy: boolean): string[] {
  const sentences: string[] = [];
  let notSyncedSaid = false;
  for (const r of reasons) {
    if (!hasPolicy && (r.code === 'policy_not_set' || r.code === 'plan_no_policy')) {
      if (!notSyncedSaid) sentences.push(t(`approvals.reason.${NOT_SYNCED}`));
      notSyncedSaid = true;
      continue;
    }
    sentences.push(reasonSentence(t, r));
  }
  return sentences;
}
