import { useCallback, useContext } from 'react';
import { LookupContext } from './LookupContext.js';
import { useTranslation } from 'react-i18next';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import type { Candidate } from '../../../shared/identify/types.js';
import { describeMatch } from './describeMatch.js';
import { regionName } from './regionName.js';

/**
 * How a candidate matched, as one sentence: the kind of match, which country's reading of a national
 * number matched ("Read as a number from United Kingdom") unless it is the country the lookup read
 * in first (the desk country: saying so on every result is noise) or the number is ambiguous, and
 * whether the number is only possible.
 */
export function useMatchText(): (
  c: Candidate,
  site: Site | undefined,
  profile: ClientProfile | undefined,
  ambiguous?: boolean,
) => string {
  const { t, i18n } = useTranslation();
  const hint = useContext(LookupContext)?.country;
  return useCallback(
    (c, site, profile, ambiguous = false) => {
      const match = describeMatch(c, site, profile);
      const parts = [
        t(match.key, { ...match.values, phoneType: t(`lookup.phoneType.${match.values.phoneType ?? 'other'}`) }),
      ];
      if (c.readAs && (ambiguous || c.readAs !== hint?.toUpperCase()))
        parts.push(t('lookup.readAs', { country: regionName(c.readAs, i18n.language) }));
      if (c.possibleOnly) parts.push(t('lookup.possibleOnly'));
      return parts.join(' · ');
    },
    [t, i18n.language, hint],
  );
}
