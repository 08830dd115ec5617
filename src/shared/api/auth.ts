import { z } from 'zod';

export const Role = z.enum(['technician', 'noc', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  email: z.email('enter the email address you sign in with'),
  password: z.string().min(1, 'enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserInfo = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  /** Set by the admin account routes: a disabled account cannot sign in (issue 16). */
  disabled: z.boolean().optional(),
});
export type UserInfo = z.infer<typeof UserInfo>;

/** `GET /v1/me`: who the token belongs to, and whether their sign-in asks for a TOTP code. */
export const Me = UserInfo.extend({ totpEnabled: z.boolean() });
export type Me = z.infer<typeof Me>;

/** Tokens travel only in this response body and stay in main; the renderer never sees them. */
export const LoginResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().positive(),
  user: UserInfo,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
