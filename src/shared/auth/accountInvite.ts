/**
 * Account administration requests from the desktop app (IPC `admin.invite`, `admin.changeAccount`,
 * `admin.resetPassword`). The one-time password of an invitation or reset is made in main, sent to
 * the server once and shown to the administrator once; it is never stored, logged or cached.
 */
import { z } from 'zod';
import { Role, UserInfo } from '../api/auth.js';

export const AccountInvite = z
  .object({
    email: z.email('enter the email address the person signs in with'),
    name: z.string().trim().min(1, 'enter the person’s name').max(200),
    role: Role,
  })
  .strict();
export type AccountInvite = z.infer<typeof AccountInvite>;

/** IPC `admin.changeRole`: a new role, or `disabled` to disable/enable the account (issue 16), or both. */
export const AccountRoleChange = z
  .object({ userId: z.string().min(1).max(128), role: Role.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, {
    message: 'role: choose a role, or set disabled',
    path: ['role'],
  });

/** SECRET: `oneTimePassword` — show it once, then forget it. */
export interface AccountInvited {
  user: UserInfo;
  oneTimePassword: string;
}
