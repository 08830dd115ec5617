import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import type { FavouriteRow, RecentRow } from '../../db/CallsignDb.js';
import { addRecent, toggleFavourite } from './favouritesStore.js';
import { favouriteKeys } from './queries.js';

/** Stars or un-stars a site (or person); the favourites list follows. */
export function useToggleFavourite() {
  const { db } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind }: { id: string; kind: FavouriteRow['kind'] }) => toggleFavourite(db, id, kind),
    onSettled: () => qc.invalidateQueries({ queryKey: favouriteKeys.favourites() }),
  });
}

/** Records a successful identification in "Recent lookups". */
export function useRecordRecent() {
  const { db } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (row: Omit<RecentRow, 'id'>) => addRecent(db, row),
    onSettled: () => qc.invalidateQueries({ queryKey: favouriteKeys.recents() }),
  });
}
