import { useCallback } from 'react';
import { useServices } from '../../app/useServices.js';
import { useUpdateSettings } from '../settings/mutations.js';
import { useSettings } from '../settings/useSettings.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

export interface DeskCountry {
  /** Where typed national numbers are read first (ISO alpha-2), or undefined in an empty directory. */
  country: string | undefined;
  /** True while the technician has not chosen one: the workspace's most common site country is used. */
  automatic: boolean;
  /** Saves the technician's desk country; null goes back to automatic. */
  setDeskCountry(country: string | null): void;
  saving: boolean;
}

/**
 * The per-user desk country (settings `deskCountry`, main's settings store), defaulting to the
 * directory's most common site country. The Settings page edits it through `setDeskCountry`.
 */
export function useDeskCountry(): DeskCountry {
  const { directory } = useServices();
  useDirectoryVersion(); // the default follows the directory as it loads and syncs
  const settings = useSettings();
  const update = useUpdateSettings();
  const chosen = settings.data?.deskCountry ?? undefined;
  const { mutate } = update;
  const setDeskCountry = useCallback((country: string | null) => mutate({ deskCountry: country }), [mutate]);
  return {
    country: chosen ?? directory.defaultCountry,
    automatic: !chosen,
    setDeskCountry,
    saving: update.isPending,
  };
}
