/** A site's profiles (or the blank template) as a file to download: bytes, name and content type. */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/index.js';
import type { ClientProfile } from '../../../shared/domain/index.js';
import { SHEET_CONTENT_TYPES, type ExportQuery } from '../../../shared/directory/import/index.js';
import type { Database } from '../../db/schema.js';
import type { DirectoryStore } from '../DirectoryStore.js';
import { writeProfileCsv, writeProfileXlsx } from './writeProfileSheet.js';

export interface ExportedFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
  profiles: number;
}

export async function exportSiteProfiles(
  db: Kysely<Database>,
  directory: DirectoryStore,
  siteId: string,
  query: ExportQuery,
): Promise<ExportedFile> {
  const site = await directory.get('site', siteId);
  if (!site)
    throw new AppError('not_found', `There is no site "${siteId}". Check the site, or list them first.`, 'siteId');
  const profiles =
    query.template === '1'
      ? []
      : (
          await db
            .selectFrom('directory_records')
            .select('data')
            .where('kind', '=', 'profile')
            .where('site_id', '=', siteId)
            .execute()
        ).map((r) => JSON.parse(r.data) as ClientProfile);
  const bytes =
    query.format === 'xlsx'
      ? await writeProfileXlsx(site, profiles, query.lang)
      : writeProfileCsv(site, profiles, query.lang);
  const stem = query.template === '1' ? 'profiles-template' : `profiles-${site.id}`;
  return {
    bytes,
    fileName: `${stem.replace(/[^\w.-]+/g, '-')}.${query.format}`,
    contentType: SHEET_CONTENT_TYPES[query.format],
    profiles: profiles.length,
  };
}
