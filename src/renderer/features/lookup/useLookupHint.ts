import { useTranslation } from 'react-i18next';
import { useLookup } from './useLookup.js';

/** The inline text under the box: why the input can't be looked up, or that nothing matched. */
export function useLookupHint(): string | undefined {
  const { t } = useTranslation();
  const { outcome, submitted, ready, input } = useLookup();
  if (!submitted || input.trim() !== submitted) return undefined;
  if (!ready) return t('lookup.indexing');
  if (!outcome) return undefined;
  if (!outcome.ok) return outcome.error.message;
  if (outcome.result.candidates.length === 0) return t('lookup.noMatch', { input: submitted });
  return undefined;
}
