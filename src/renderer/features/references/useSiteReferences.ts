import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { referenceQueries } from './queries.js';
import { sortReferences } from './filterReferences.js';

/** The site's references (its own first, then all-site ones), each group sorted in the app's language. */
export function useSiteReferences(siteId: string) {
  const { db } = useServices();
  const { i18n } = useTranslation();
  const version = useDirectoryVersion();
  const query = useQuery(referenceQueries.forSite(db, siteId, version));
  const sorted = useMemo(() => query.data && sortReferences(query.data, i18n.language), [query.data, i18n.language]);
  return { ...query, data: sorted };
}
