/**
 * Names for audit subjects: an entry's `subject` is an id (a user, a site, a client profile, a
 * device) or an email; supervisors read names. Looked up per page of entries, in one query per
 * kind; an id the server does not know (a deleted record, an SMS code, an approval) keeps no name
 * and the UI shows the id. The chain itself is never changed: names are added to the response only.
 */
import type { Kysely } from 'kysely';
import { fullName } from '../../shared/domain/profile.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';

export class AuditSubjectNames {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
  ) {}

  /** Subject → name, for the subjects it knows; `site:<id>` / `profile:<id>` (directory admin) too. */
  async namesFor(subjects: readonly string[]): Promise<Map<string, string>> {
    const idOf = (subject: string) => subject.replace(/^(site|profile):/, '');
    const ids = [...new Set(subjects.filter((s) => s && !s.includes('@')).map(idOf))];
    const byId = new Map<string, string>();
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    const [users, devices, sites, profiles] = await Promise.all([
      this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
      this.db.selectFrom('devices').select(['id', 'name']).where('id', 'in', ids).execute(),
      this.directory.getMany('site', ids),
      this.directory.getMany('profile', ids),
    ]);
    for (const d of devices) byId.set(d.id, d.name);
    for (const [id, s] of sites) byId.set(id, s.name);
    for (const [id, p] of profiles) byId.set(id, fullName(p).trim() || id);
    for (const u of users) byId.set(u.id, u.name);
    for (const subject of subjects) {
      const name = byId.get(idOf(subject));
      if (name) names.set(subject, name);
    }
    return names;
  }
}
