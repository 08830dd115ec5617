/**
 * One translated sentence per anomaly flag (`audit.approvals.flag.<code>`), its params made readable:
 * outcomes and categories by their UI names, a day in the user's locale. The server's English
 * sentence is the fallback for a code this version does not know.
 */
import type { TFunction } from 'i18next';
import type { AnomalyFlag } from '../../../shared/audit/anomalies.js';

export function anomalySentence(t: TFunction, flag: AnomalyFlag, locale: string): string {
  const p: Record<string, string | number> = { ...flag.params };
  for (const key of ['recorded', 'rules'] as const)
    if (typeof p[key] === 'string') p[key] = t(`approvals.outcome.${p[key]}`);
  if (typeof p.category === 'string') p.category = t(`approvals.category.${p.category}`);
  if (typeof p.day === 'string' && /^\d{4}-\d\d-\d\d$/.test(p.day))
    p.day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(p.day));
  return t(`audit.approvals.flag.${flag.code}`, { ...p, defaultValue: flag.message });
}
