/**
 * The directory bundle: the whole directory — sites, client profiles, references and site policies —
 * as one JSON document, for `callsign-server export FILE` / `import FILE`. Importing a bundle makes
 * the server's directory equal to it (records missing from the bundle are deleted), so all four
 * lists are required. Exports are deterministic: each list sorted by id (code-unit order), keys in
 * schema order, two-space indentation and a final newline. JSON Schema: docs/bundle.schema.json.
 */
import { z } from 'zod';
import { SitePolicyRecord } from '../api/approvals.js';
import { CredentialBundleEntry } from '../api/credentials.js';
import { ClientProfile, Reference, Site } from '../domain/index.js';

export const BUNDLE_FORMAT = 'callsign.directory-bundle';
export const BUNDLE_VERSION = 1;

export const DirectoryBundle = z
  .object({
    format: z.literal(BUNDLE_FORMAT, `must be "${BUNDLE_FORMAT}": this file is not a Callsign directory bundle`),
    version: z.literal(
      BUNDLE_VERSION,
      `must be ${BUNDLE_VERSION}; this server reads version ${BUNDLE_VERSION} bundles`,
    ),
    sites: z.array(Site),
    profiles: z.array(ClientProfile),
    references: z.array(Reference),
    /** One per site at most; `siteId` names the site. */
    policies: z.array(SitePolicyRecord),
    /**
     * Vault accounts' metadata, never their secrets (issue 10). Optional: a bundle without the list
     * leaves the vault as it is; with it, the vault's accounts are made equal to it.
     */
    credentials: z.array(CredentialBundleEntry).optional(),
  })
  .meta({
    title: 'Callsign directory bundle',
    description: 'The whole directory of a Callsign server: sites, client profiles, references and site policies.',
  });
export type DirectoryBundle = z.infer<typeof DirectoryBundle>;

/** The four record lists of a bundle, in the order they are applied. */
export const BUNDLE_LISTS = ['sites', 'profiles', 'references', 'policies'] as const;
export type BundleList = (typeof BUNDLE_LISTS)[number];

/** One problem in a bundle, e.g. `{ path: "profiles[12].phones[0].country", message: "use a two-letter…" }`. */
export interface BundleFailure {
  path: string;
  message: string;
}

/** `["profiles", 12, "phones", 0, "country"]` → `profiles[12].phones[0].country`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(bundle)';
}

/** The JSON Schema of a bundle file (what an editor or another tool validates against). */
export function bundleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DirectoryBundle, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
