/** Favourites and recents from the offline cache (see favouritesStore for what is stored). */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { listFavourites, listRecents } from './favouritesStore.js';

export const favouriteKeys = {
  all: ['favourites'] as const,
  favourites: () => [...favouriteKeys.all, 'list'] as const,
  recents: () => [...favouriteKeys.all, 'recents'] as const,
};

export const favouriteQueries = {
  favourites: (db: CallsignDb) =>
    queryOptions({ queryKey: favouriteKeys.favourites(), queryFn: () => listFavourites(db), staleTime: Infinity }),
  recents: (db: CallsignDb) =>
    queryOptions({ queryKey: favouriteKeys.recents(), queryFn: () => listRecents(db), staleTime: Infinity }),
};
