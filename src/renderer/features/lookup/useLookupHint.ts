import { useTranslation } from 'react-i18next';
import { regionList } from './regionName.js';
import { useServices } from '../../app/useServices.js';
import { shouldShowTypeahead } from '../search/typeaheadInput.js';
import { useLookup } from './useLookup.js';

/**
 * The inline text under the box: why the input can't be looked up, or that nothing matched. A lookup
 * typed while the caller index loads is kept (useLookupController re-runs it when the index is
 * ready) and meanwhile this line says how far the load is.
 */
export function useLookupHint(): string | undefined {
  const { t, i18n } = useTranslation();
  const { directory } = useServices();
  const { outcome, numbers, submitted, ready, input } = useLookup();
  // A name typed while only numbers and emails answer: say why no suggestions show yet.
  if (ready && !directory.typeaheadReady && !directory.loadFailed && shouldShowTypeahead(input))
    if (input.trim() !== submitted) return t('lookup.namesLoading');
  if (!submitted || input.trim() !== submitted) return undefined;
  if (!ready) {
    const { stage, done, total } = directory.loadProgress;
    return stage === 'exact' && total > 0 ? t('lookup.indexingProgress', { done, total }) : t('lookup.indexing');
  }
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
