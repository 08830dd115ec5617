/** The profile spreadsheet service the routes and the CLI share: import (ProfileImporter) and export. */
import type { Kysely } from 'kysely';
import type { ExportQuery } from '../../../shared/directory/import/index.js';
import type { AuditSink } from '../../audit/AuditLog.js';
import type { Database } from '../../db/schema.js';
import type { DirectoryStore } from '../DirectoryStore.js';
import { exportSiteProfiles, type ExportedFile } from './exportSiteProfiles.js';
import { ProfileImporter } from './ProfileImporter.js';
import { ImportJobs, type ImportJobsOptions } from './ImportJobs.js';

export class ProfileSheets {
  readonly importer: ProfileImporter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    audit: AuditSink,
  ) {
    this.importer = new ProfileImporter(db, directory, audit);
  }

  async siteExists(siteId: string): Promise<boolean> {
    return (await this.directory.get('site', siteId)) !== undefined;
  }

  exportFile(siteId: string, query: ExportQuery): Promise<ExportedFile> {
    return exportSiteProfiles(this.db, this.directory, siteId, query);
  }

  /** The import jobs of every process sharing this database (ImportJobs.ts). */
  importJobs(options: ImportJobsOptions): ImportJobs {
    return new ImportJobs(this.db, this.importer, options);
  }
}
