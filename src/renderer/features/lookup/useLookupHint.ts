import { useTranslation } from 'react-i18next';
import { regionList } from './regionName.js';
import { useLookup } from './useLookup.js';

/** The inline text under the box: why the input can't be looked up, or that nothing matched. */
export function useLookupHint(): string | undefined {
  const { t, i18n } = useTranslation();
  const { outcome, numbers, submitted, ready, input } = useLookup();
  if (!submitted || input.trim() !== submitted) return undefined;
  if (!ready) return t('lookup.indexing');
  if (numbers) return numbers.length === 0 ? t('lookup.noNumberInText') : undefined;
  if (!outcome) return undefined;
  if (!outcome.ok) return outcome.error.message;
  if (outcome.result.candidates.length > 0) return undefined;
  const { query } = outcome.result;
  if (query.kind === 'phone' && query.countriesTried && query.countriesTried.length > 0)
    return t('lookup.noMatchCountries', {
      input: submitted,
      countries: regionList(query.countriesTried, i18n.language),
    });
  return t('lookup.noMatch', { input: submitted });
}
