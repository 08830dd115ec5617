/**
 * Sign-in (password, then TOTP when enrolled), token refresh, sign-out and bearer authentication.
 * Every session is bound to a registered device; a revoked device's tokens get 401
 * `device_revoked`. A disabled account's right password gets 403 `account_disabled`, and a token it
 * still holds is refused. A one-time password (set by an administrator) ends in the "choose your own
 * password" step, never a session (PasswordChange.ts). Sign-ins and failed sign-ins go to the audit chain. Passwords, codes and tokens
 * pass through here in memory only; errors and audit events never echo them.
 */
import type { Me, UserInfo } from '../../shared/api/index.js';
import { AppError } from '../../shared/api/index.js';
import type {
  DeviceRegistration,
  PasswordChangeChallenge,
  SessionTokens,
  SignInResponse,
} from '../../shared/auth/index.js';
import { AUDIT_EVENT, type AuditSink } from '../audit/AuditLog.js';
import { PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import type { DeviceStore } from '../devices/DeviceStore.js';
import type { MfaService } from '../mfa/MfaService.js';
import type { LoginThrottle, ThrottleKeys } from './LoginThrottle.js';
import {
  mustChangePassword,
  ONE_TIME_PASSWORD_EXPIRED,
  oneTimePasswordExpired,
  type PasswordChange,
} from './PasswordChange.js';
import type { SessionStore } from './SessionStore.js';
import type { UsersTable } from '../db/schema.js';
import { isDisabled, toUserInfo, type UserStore } from './UserStore.js';
import { verifyPassword } from './password.js';

/** Thrown while an address or account is locked out; the route turns it into 429 + Retry-After. */
export class LockedOutError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      `Too many failed sign-ins. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again, or ask an administrator to check your account.`,
    );
  }
}

export const INVALID_CREDENTIALS = 'Email or password is wrong. Check both and try again.';
const SIGN_IN_AGAIN = 'Your session has ended. Sign in again.';
export const DEVICE_REVOKED =
  'An administrator signed this device out. Its local data is being removed; sign in again to continue.';
export const ACCOUNT_DISABLED =
  'An administrator disabled this account. Ask an administrator to enable it, then sign in again.';
const UNNAMED_DEVICE: DeviceRegistration = { name: 'Unnamed device', platform: 'unknown' };

export interface Principal {
  user: UserInfo;
  sessionId: string;
  /** The registered device of this session (null only for sessions from before devices existed). */
  deviceId: string | null;
}

/** Devices and the TOTP second factor (issue 6). */
export interface AuthPlatform {
  devices: DeviceStore;
  mfa: MfaService;
}

export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    /** Records sign-in successes and failures in the audit chain (never the password or a code). */
    private readonly audit: AuditSink | undefined,
    private readonly platform: AuthPlatform,
    /** One-time passwords and one's own password (issue 16). */
    private readonly passwords: PasswordChange,
    private readonly now: () => number = Date.now,
  ) {}

  /** Password step: tokens for `device`, or an mfaToken when the account has TOTP on. */
  async login(
    email: string,
    password: string,
    address: string,
    device: DeviceRegistration = UNNAMED_DEVICE,
  ): Promise<SignInResponse> {
    const keys = { address, account: email.trim().toLowerCase() };
    const wait = await this.throttle.retryAfterSeconds(keys);
    if (wait > 0) {
      await this.audit?.append({
        type: AUDIT_EVENT.signInFailed,
        actor: keys.account,
        subject: keys.account,
        data: { address, reason: 'locked_out' },
      });
      throw new LockedOutError(wait);
    }
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.password_hash ?? (await this.users.dummyHash()));
    if (!user || !ok) {
      await this.throttle.recordFailure(keys);
      await this.audit?.append({
        type: AUDIT_EVENT.signInFailed,
        actor: keys.account,
        subject: keys.account,
        data: { address, reason: user ? 'wrong_password' : 'unknown_account' },
      });
      throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    }
    // Checked only once the password is right, so the answer does not tell who has an account.
    if (isDisabled(user)) {
      await this.audit?.append({
        type: AUDIT_EVENT.signInFailed,
        actor: keys.account,
        subject: keys.account,
        data: { address, reason: 'account_disabled' },
      });
      throw new AppError('account_disabled', ACCOUNT_DISABLED);
    }
    await this.refuseExpiredOneTimePassword(user, keys);
    await this.users.upgradeHash(user, password);
    // With TOTP on, the lockout counters are cleared only once the second factor is right too.
    if (await this.platform.mfa.isEnrolled(user.id))
      return { mfaRequired: true, ...(await this.platform.mfa.challenge(user.id, device)) };
    await this.throttle.reset(keys);
    if (mustChangePassword(user)) return this.passwords.issue(user.id, device, address);
    return this.startSession(user.id, device, { address, method: 'password' });
  }

  /** 401 `one_time_password_expired` for the right one-time password 72 hours after it was set. */
  private async refuseExpiredOneTimePassword(
    user: Parameters<typeof oneTimePasswordExpired>[0],
    keys: ThrottleKeys,
  ): Promise<void> {
    if (!oneTimePasswordExpired(user, this.now())) return;
    await this.audit?.append({
      type: AUDIT_EVENT.signInFailed,
      actor: keys.account,
      subject: keys.account,
      data: { address: keys.address, reason: 'one_time_password_expired' },
    });
    throw new AppError('one_time_password_expired', ONE_TIME_PASSWORD_EXPIRED, 'password');
  }

  /**
   * First sign-in after a one-time password: the person's own password replaces it, then they are
   * signed in on the device the sign-in came from. Counted by the per-minute limits of the route.
   */
  async choosePassword(
    input: { passwordChangeToken: string; newPassword: string },
    address: string,
  ): Promise<SessionTokens> {
    const pending = await this.passwords.pending(input.passwordChangeToken);
    const user = await this.users.findById(pending.userId);
    if (!user) throw new AppError('unauthorized', SIGN_IN_AGAIN);
    if (isDisabled(user)) throw new AppError('account_disabled', ACCOUNT_DISABLED);
    await this.passwords.setOwnPassword(user, input.newPassword, {
      via: 'first_sign_in',
      address,
      token: input.passwordChangeToken,
    });
    return this.startSession(user.id, pending.device, { address, method: 'password_chosen' });
  }

  /**
   * The signed-in person changes their password: the current one first (counted by the sign-in
   * lockout, as for two-step sign-in changes), then every other session of the account ends.
   */
  async changePassword(
    principal: Principal,
    input: { currentPassword: string; newPassword: string },
    address: string,
  ): Promise<{ sessionsEnded: number }> {
    // The row whose hash was verified: the change applies only if that hash is still the stored one,
    // so of concurrent changes (all checked against the old password) exactly one wins.
    const user = await this.verifyCurrentPassword(principal.user, input.currentPassword, address);
    const sessionsEnded = await this.passwords.setOwnPassword(user, input.newPassword, {
      via: 'account_page',
      address,
      keep: { sessionId: principal.sessionId, deviceId: principal.deviceId },
    });
    return { sessionsEnded };
  }

  /**
   * Re-checks the signed-in user's password before a change to two-step sign-in. Counted by the
   * sign-in lockout like a sign-in (a stolen access token cannot be used to guess the password
   * faster than the sign-in form allows); a success does not clear the counters.
   */
  async verifyCurrentPassword(user: UserInfo, password: string, address: string): Promise<UsersTable> {
    const keys = { address, account: user.email.trim().toLowerCase() };
    const wait = await this.throttle.retryAfterSeconds(keys);
    if (wait > 0) throw new LockedOutError(wait);
    const row = await this.users.findByEmail(user.email);
    const ok = await verifyPassword(password, row?.password_hash ?? (await this.users.dummyHash()));
    if (row && ok) return row;
    await this.throttle.recordFailure(keys);
    await this.audit?.append({
      type: AUDIT_EVENT.signInFailed,
      actor: keys.account,
      subject: keys.account,
      data: { address, reason: 'wrong_current_password' },
    });
    throw new AppError(
      'invalid_credentials',
      'currentPassword: that is not your current password. Enter the password you sign in with.',
      'currentPassword',
    );
  }

  /** `GET /v1/me`: the signed-in user and whether TOTP is on for them. */
  async me(user: UserInfo): Promise<Me> {
    return { ...user, totpEnabled: await this.platform.mfa.isEnrolled(user.id) };
  }

  /** TOTP step: a code (or a one-time recovery code) for an mfaToken from `login`. */
  async completeTotp(
    input: { mfaToken: string; code?: string; recoveryCode?: string },
    address: string,
  ): Promise<SessionTokens | PasswordChangeChallenge> {
    const outcome = await this.platform.mfa.verify(input.mfaToken, input);
    if (!outcome.ok && outcome.reason === 'expired') {
      throw new AppError(
        'unauthorized',
        'This sign-in has expired or had too many wrong codes. Sign in again with your password.',
      );
    }
    const user = await this.users.findById(outcome.userId);
    if (!user) throw new AppError('unauthorized', SIGN_IN_AGAIN);
    const keys = { address, account: user.email };
    const method = input.recoveryCode ? 'recovery_code' : 'totp';
    if (!outcome.ok) {
      await this.throttle.recordFailure(keys);
      await this.audit?.append({
        type: AUDIT_EVENT.signInFailed,
        actor: user.email,
        subject: user.email,
        data: { address, reason: outcome.reason === 'used' ? 'totp_code_reused' : `wrong_${method}` },
      });
      if (outcome.reason === 'used') {
        throw new AppError(
          'code_already_used',
          `That code was just used, and each code works once. Wait for the next code on your authenticator app (a new one comes every 30 seconds) and enter it. ${outcome.attemptsLeft > 0 ? `${outcome.attemptsLeft} tries left.` : 'No tries left: sign in again with your password.'}`,
          'code',
        );
      }
      const what = method === 'totp' ? 'That code is not right' : 'That recovery code is not right or was already used';
      const next =
        outcome.attemptsLeft > 0
          ? `${outcome.attemptsLeft} tries left.`
          : 'No tries left: sign in again with your password.';
      throw new AppError('invalid_code', `${what}. ${next}`, method === 'totp' ? 'code' : 'recoveryCode');
    }
    await this.refuseExpiredOneTimePassword(user, keys);
    await this.throttle.reset(keys);
    if (mustChangePassword(user)) return this.passwords.issue(user.id, outcome.device, address);
    return this.startSession(user.id, outcome.device, {
      address,
      method,
      recoveryCodesLeft: outcome.recoveryCodesLeft,
    });
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const rotated = await this.sessions.rotate(refreshToken);
    if (rotated && 'deviceRevoked' in rotated) throw new AppError('device_revoked', DEVICE_REVOKED);
    const user = rotated && (await this.users.findById(rotated.userId));
    if (!rotated || !user) throw new AppError('unauthorized', SIGN_IN_AGAIN);
    // Disabling ends the sessions; this also refuses one that outlived it (e.g. disabled in the database).
    if (isDisabled(user)) throw new AppError('unauthorized', ACCOUNT_DISABLED);
    return { ...rotated.tokens, user: toUserInfo(user), deviceId: rotated.deviceId ?? '' };
  }

  /** Ends the session and audits `auth.sign_out` once (nothing is audited for a session already gone). */
  async logout(input: { refreshToken?: string; sessionId?: string }): Promise<void> {
    const ended = [
      input.refreshToken ? await this.sessions.revokeByRefreshToken(input.refreshToken) : null,
      input.sessionId ? await this.sessions.revokeSession(input.sessionId) : null,
    ].find((e) => e !== null);
    if (!ended) return;
    const user = await this.users.findById(ended.userId);
    await this.audit?.append({
      type: PLATFORM_AUDIT_EVENT.signOut,
      actor: ended.userId,
      subject: user?.email ?? ended.userId,
      data: { deviceId: ended.deviceId },
    });
  }

  /** The principal for a bearer access token; throws 401 `unauthorized` (or `device_revoked`) otherwise. */
  async authenticate(accessToken: string | undefined): Promise<Principal> {
    const found = accessToken ? await this.sessions.authenticate(accessToken) : null;
    if (found?.deviceRevoked) throw new AppError('device_revoked', DEVICE_REVOKED);
    const user = found && (await this.users.findById(found.userId));
    if (!found || !user) {
      throw new AppError(
        'unauthorized',
        accessToken
          ? 'Your access token has expired or was revoked. Refresh it or sign in again.'
          : 'Sign in first: send "Authorization: Bearer <access token>".',
      );
    }
    if (isDisabled(user)) throw new AppError('unauthorized', ACCOUNT_DISABLED);
    return { user: toUserInfo(user), sessionId: found.sessionId, deviceId: found.deviceId };
  }

  private async startSession(
    userId: string,
    device: DeviceRegistration,
    details: Record<string, unknown>,
  ): Promise<SessionTokens> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('unauthorized', SIGN_IN_AGAIN);
    // The TOTP step may come after an administrator disabled the account that passed the password step.
    if (isDisabled(user)) throw new AppError('account_disabled', ACCOUNT_DISABLED);
    const deviceId = await this.platform.devices.register(user.id, device);
    const tokens = await this.sessions.create(user.id, deviceId);
    await this.audit?.append({
      type: AUDIT_EVENT.signIn,
      actor: user.id,
      subject: user.email,
      data: { ...details, deviceId, deviceName: device.name, platform: device.platform },
    });
    return { ...tokens, user: toUserInfo(user), deviceId };
  }
}
