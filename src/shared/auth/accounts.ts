/**
 * HTTP contract for account administration (`GET /v1/admin/users`, `admin.read`): one row per
 * account with its TOTP status and count of active (not revoked) devices — the server's response
 * schema (src/server/admin/accountAdminRoutes.ts) and what the desktop app parses with.
 */
import { z } from 'zod';
import { UserInfo } from '../api/auth.js';

export const AccountSummary = UserInfo.extend({
  createdAt: z.string(),
  totpEnabled: z.boolean(),
  activeDevices: z.number().int(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountList = z.object({ users: z.array(AccountSummary) });
export type AccountList = z.infer<typeof AccountList>;
