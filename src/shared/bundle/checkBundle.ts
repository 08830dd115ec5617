/**
 * Full validation of a directory bundle before anything is applied: the schema (every issue, not
 * just the first) and then the links between records — unique ids, every profile's and policy's
 * site and every reference's sites present in the same bundle, at most one policy per site.
 */
import { FQDN, isForbiddenDynamicUsername } from '../api/credentials.js';
import { DirectoryBundle, formatPath, type BundleFailure } from './bundle.js';

export type BundleCheck =
  { ok: true; bundle: DirectoryBundle } | { ok: false; failures: BundleFailure[]; failedRecords: number };

/** `profiles[12].phones[0]` → `profiles[12]`: the record a failure belongs to (or the path itself). */
export function recordOf(path: string): string {
  return /^[a-z]+\[\d+\]/.exec(path)?.[0] ?? path;
}

function done(failures: BundleFailure[], bundle?: DirectoryBundle): BundleCheck {
  if (failures.length === 0 && bundle) return { ok: true, bundle };
  return { ok: false, failures, failedRecords: new Set(failures.map((f) => recordOf(f.path))).size };
}

export function checkBundle(input: unknown): BundleCheck {
  const parsed = DirectoryBundle.safeParse(input);
  if (!parsed.success) return done(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const bundle = parsed.data;
  const failures: BundleFailure[] = [];
  const unique = (list: string, ids: readonly string[], field: string) => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const seen = first.get(id);
      if (seen === undefined) first.set(id, i);
      else
        failures.push({
          path: `${list}[${i}].${field}`,
          message: `duplicate ${field} "${id}" (also ${list}[${seen}])`,
        });
    });
  };
  unique(
    'sites',
    bundle.sites.map((s) => s.id),
    'id',
  );
  unique(
    'profiles',
    bundle.profiles.map((p) => p.id),
    'id',
  );
  unique(
    'references',
    bundle.references.map((r) => r.id),
    'id',
  );
  unique(
    'policies',
    bundle.policies.map((p) => p.siteId),
    'siteId',
  );

  const sites = new Set(bundle.sites.map((s) => s.id));
  const missing = (id: string) => `there is no site "${id}" in this bundle; add the site or fix the id`;
  bundle.profiles.forEach(
    (p, i) => !sites.has(p.siteId) && failures.push({ path: `profiles[${i}].siteId`, message: missing(p.siteId) }),
  );
  bundle.policies.forEach(
    (p, i) => !sites.has(p.siteId) && failures.push({ path: `policies[${i}].siteId`, message: missing(p.siteId) }),
  );
  bundle.references.forEach((r, i) =>
    r.siteIds.forEach(
      (id, j) => !sites.has(id) && failures.push({ path: `references[${i}].siteIds[${j}]`, message: missing(id) }),
    ),
  );
  const credentials = bundle.credentials ?? [];
  unique(
    'credentials',
    credentials.map((c) => c.id),
    'id',
  );
  credentials.forEach((c, i) => {
    if (!sites.has(c.siteId)) failures.push({ path: `credentials[${i}].siteId`, message: missing(c.siteId) });
    if (c.kind === 'dynamic' && isForbiddenDynamicUsername(c.username))
      failures.push({ path: `credentials[${i}].username`, message: `"${c.username}" cannot be a dynamic account` });
    if (c.kind === 'dynamic' && c.accountType === 'domain' && !FQDN.test(c.domain ?? ''))
      failures.push({ path: `credentials[${i}].domain`, message: 'a dynamic domain account needs an FQDN' });
  });
  return done(failures, bundle);
}
