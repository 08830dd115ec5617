/**
 * IPC handlers for directory and account administration. Each is one authorised server call; the
 * server checks the permission (`admin.read`, `directory.write`, `accounts.manage`) and bumps the
 * change log, so a saved record reaches every desktop at its next sync.
 *
 * Secrets passing through: the one-time password of an invitation or a reset is made here with the
 * OS's random generator, sent to the server once and returned to the renderer once; it is never
 * logged or kept.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { UserInfo } from '../../shared/api/auth.js';
import {
  ADMIN_RECORD_SCHEMA,
  adminRecordId,
  type AdminCollection,
  type AdminRecord,
} from '../../shared/admin/directoryAdmin.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';

export type DirectoryAdminChannel =
  | 'admin.invite'
  | 'admin.changeRole'
  | 'admin.resetPassword'
  | 'admin.directoryList'
  | 'admin.directoryGet'
  | 'admin.directorySave'
  | 'admin.directoryDelete';

/** No 0/O, 1/l/I: the administrator reads it out or types it into a message. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters in groups of 5 (~114 bits), above the server's 12-character minimum. */
export function makeOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

const Page = z.object({ items: z.array(z.unknown()), next: z.string().nullable() });
const Written = z.object({ seq: z.number().int(), record: z.unknown() });

function parseRecord(collection: AdminCollection, data: unknown): AdminRecord {
  return ADMIN_RECORD_SCHEMA[collection].parse(data) as AdminRecord;
}

export function createDirectoryAdminHandlers(
  api: ApiClient,
  session: SessionService,
): Pick<Handlers, DirectoryAdminChannel> {
  const base = (collection: AdminCollection) => `/v1/admin/${collection}`;
  const at = (collection: AdminCollection, id: string) => `${base(collection)}/${encodeURIComponent(id)}`;
  return {
    'admin.invite': async (invite) => {
      const oneTimePassword = makeOneTimePassword();
      const user = await session.authorized(async (token) =>
        UserInfo.parse(
          await api.request('/v1/admin/users', {
            method: 'POST',
            token,
            body: { ...invite, password: oneTimePassword },
          }),
        ),
      );
      return { user, oneTimePassword };
    },
    'admin.changeRole': async ({ userId, role, disabled }) =>
      session.authorized(async (token) =>
        UserInfo.parse(
          await api.request(`/v1/admin/users/${encodeURIComponent(userId)}`, {
            method: 'PATCH',
            token,
            body: { role, disabled },
          }),
        ),
      ),
    'admin.resetPassword': async ({ userId }) => {
      const oneTimePassword = makeOneTimePassword();
      await session.authorized((token) =>
        api.request(`/v1/admin/users/${encodeURIComponent(userId)}`, {
          method: 'PATCH',
          token,
          body: { password: oneTimePassword },
        }),
      );
      return { oneTimePassword };
    },
    'admin.directoryList': async ({ collection, siteId, after, limit }) =>
      session.authorized(async (token) => {
        const page = Page.parse(await api.request(base(collection), { token, query: { siteId, after, limit } }));
        return { items: page.items.map((r) => parseRecord(collection, r)), next: page.next };
      }),
    'admin.directoryGet': async ({ collection, id }) =>
      session.authorized(async (token) => parseRecord(collection, await api.request(at(collection, id), { token }))),
    'admin.directorySave': async ({ collection, create, record }) =>
      session.authorized(async (token) => {
        const written = Written.parse(
          await api.request(create ? base(collection) : at(collection, adminRecordId(collection, record)), {
            method: create ? 'POST' : 'PUT',
            token,
            body: record,
          }),
        );
        return { seq: written.seq, record: parseRecord(collection, written.record) };
      }),
    'admin.directoryDelete': async ({ collection, id }) =>
      session.authorized(async (token) =>
        z.object({ seq: z.number().int() }).parse(await api.request(at(collection, id), { method: 'DELETE', token })),
      ),
  };
}
