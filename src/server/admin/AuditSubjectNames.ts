/**
 * Names for audit subjects: an entry's `subject` is an id (a user, a site, a client profile, a
 * device, an approval record, a vault credential) or an email; supervisors read names. Looked up
 * per page of entries, in one query per kind; an id the server does not know (a deleted record, an
 * SMS code) keeps no name and the UI shows the id. The chain itself is never changed: names are added to the response only.
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
    const [users, devices, sites, profiles, approvals, credentials] = await Promise.all([
      this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
      this.db.selectFrom('devices').select(['id', 'name']).where('id', 'in', ids).execute(),
      this.directory.getMany('site', ids),
      this.directory.getMany('profile', ids),
      this.db
        .selectFrom('approval_records')
        .select(['id', 'site_id', 'caller_name', 'action', 'ticket'])
        .where('id', 'in', ids)
        .execute(),
      this.db.selectFrom('vault_credentials').select(['id', 'meta']).where('id', 'in', ids).execute(),
    ]);
    for (const d of devices) byId.set(d.id, d.name);
    for (const c of credentials) {
      const name = (JSON.parse(c.meta) as { name?: string }).name;
      if (name) byId.set(c.id, name);
    }
    // An approval record reads as "<caller> · <site> · <action> · <ticket>" (the parts it has).
    const approvalSites = await this.directory.getMany('site', [...new Set(approvals.map((a) => a.site_id))]);
    for (const a of approvals) {
      const parts = [a.caller_name, approvalSites.get(a.site_id)?.name ?? a.site_id, a.action, a.ticket];
      byId.set(a.id, parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · '));
    }
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
