import { useLiveQuery } from 'dexie-react-hooks';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import { useServices } from '../../app/useServices.js';

/** The site's back-office accounts from the offline cache, by name, live (undefined while loading). */
export function useSiteCredentials(siteId: string): CredentialMeta[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () =>
      (await db.credentials.where('siteId').equals(siteId).toArray())
        .filter((c) => c.backOfficeAccess)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [db, siteId],
  );
}
