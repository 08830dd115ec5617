import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import { useServices } from '../../app/useServices.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

/** The site's back-office accounts from the offline cache, by name, live (undefined while loading). */
export function useSiteCredentials(siteId: string): CredentialMeta[] | undefined {
  const { db } = useServices();
  const { i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  return useLiveQuery(
    async () =>
      (await db.credentials.where('siteId').equals(siteId).toArray())
        .filter((c) => c.backOfficeAccess)
        .sort((a, b) => collator.compare(a.name, b.name)),
    [db, siteId, collator],
  );
}
