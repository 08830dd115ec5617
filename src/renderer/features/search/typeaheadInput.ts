/** When the lookup box shows type-ahead results instead of waiting for a complete phone or email. */
import { shouldRunAsYouType } from '../lookup/lookupInput.js';
import { MIN_QUERY } from '../../../shared/search/index.js';

export function shouldShowTypeahead(input: string): boolean {
  const text = input.trim();
  return text.length >= MIN_QUERY && !shouldRunAsYouType(text);
}
