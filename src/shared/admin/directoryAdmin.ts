/**
 * The directory administration contract as the desktop app sees it (IPC `admin.directory*`), over the
 * server's `/v1/admin/<collection>` routes (src/server/admin/directoryAdminRoutes.ts). A record is
 * validated with the same shared schema on every hop: the form (per field and on submit), main
 * (IPC payload) and the server (route body). A policy's id is its site id.
 */
import { z } from 'zod';
import { SitePolicyRecord } from '../api/approvals.js';
import { ClientProfile, Reference, Site } from '../domain/index.js';

export const AdminCollection = z.enum(['sites', 'profiles', 'references', 'policies']);
export type AdminCollection = z.infer<typeof AdminCollection>;

/** The schema a record of each collection is checked with. */
export const ADMIN_RECORD_SCHEMA = {
  sites: Site,
  profiles: ClientProfile,
  references: Reference,
  policies: SitePolicyRecord,
} as const;

export interface AdminRecordOf {
  sites: Site;
  profiles: ClientProfile;
  references: Reference;
  policies: SitePolicyRecord;
}
export type AdminRecord = AdminRecordOf[AdminCollection];

const Id = z.string().min(1).max(200);

export const AdminListRequest = z
  .object({
    collection: AdminCollection,
    siteId: Id.optional(),
    after: Id.optional(),
    limit: z.number().int().min(1).max(1000),
  })
  .strict();

export const AdminGetRequest = z.object({ collection: AdminCollection, id: Id }).strict();

/** `create: true` → POST (409 if the id exists); false → PUT to the record's own id (404 if missing). */
export const AdminSaveRequest = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('sites'), create: z.boolean(), record: Site }).strict(),
  z.object({ collection: z.literal('profiles'), create: z.boolean(), record: ClientProfile }).strict(),
  z.object({ collection: z.literal('references'), create: z.boolean(), record: Reference }).strict(),
  z.object({ collection: z.literal('policies'), create: z.boolean(), record: SitePolicyRecord }).strict(),
]);

export interface AdminPage {
  items: AdminRecord[];
  next: string | null;
}

/** The change-log sequence the write got: technicians' desktops apply it at their next sync. */
export interface AdminWritten {
  seq: number;
  record: AdminRecord;
}

/** The id of a record in its collection (a policy is keyed by its site). */
export function adminRecordId(collection: AdminCollection, record: AdminRecord): string {
  return collection === 'policies' ? (record as SitePolicyRecord).siteId : (record as { id: string }).id;
}
