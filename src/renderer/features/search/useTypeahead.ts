import { useMemo, useState } from 'react';
import type { SearchHit, SearchKind } from '../../../shared/search/index.js';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { shouldShowTypeahead } from './typeaheadInput.js';

export const TYPEAHEAD_LIMIT = 12;
export type TypeaheadFilter = 'all' | SearchKind;

export interface Typeahead {
  /** The input qualifies for type-ahead (2+ characters, not a complete phone or email). */
  active: boolean;
  hits: SearchHit[];
  filter: TypeaheadFilter;
  setFilter(f: TypeaheadFilter): void;
  /** Highlighted option (−1: none). */
  index: number;
  setIndex(i: number): void;
  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void;
}

/** Type-ahead over the in-memory directory search; synchronous, so results show on the next frame. */
export function useTypeahead(input: string): Typeahead {
  const { directory } = useServices();
  const version = useDirectoryVersion();
  const [filter, setFilter] = useState<TypeaheadFilter>('all');
  const [cursor, setCursor] = useState<{ input: string; filter: TypeaheadFilter; index: number }>({
    input: '',
    filter: 'all',
    index: 0,
  });
  // Until the names index is built, the lookup hint says so (useLookupHint) instead of showing no results.
  const active = shouldShowTypeahead(input) && directory.typeaheadReady;
  const hits = useMemo(
    () =>
      active
        ? directory.search(input, { limit: TYPEAHEAD_LIMIT, ...(filter === 'all' ? {} : { kinds: [filter] }) })
        : [],
    // `version`: results follow sync.
    [active, input, filter, directory, version],
  );
  // The highlight resets to the first result whenever the text or the filter changes.
  const index =
    cursor.input === input && cursor.filter === filter ? Math.min(cursor.index, hits.length - 1) : hits.length ? 0 : -1;
  const setIndex = (i: number) => setCursor({ input, filter, index: i });
  const move = (delta: number) => {
    if (!hits.length) return;
    setIndex(((((index < 0 ? 0 : index) + delta) % hits.length) + hits.length) % hits.length);
  };
  return { active, hits, filter, setFilter, index, setIndex, move };
}
