/**
 * Sign-in, token refresh, sign-out and bearer authentication. Passwords and tokens pass through
 * here in memory only; errors never echo them.
 */
import type { LoginResponse, UserInfo } from '../../shared/api/index.js';
import { AppError } from '../../shared/api/index.js';
import { AUDIT_EVENT, type AuditSink } from '../audit/AuditLog.js';
import type { LoginThrottle } from './LoginThrottle.js';
import type { SessionStore } from './SessionStore.js';
import { toUserInfo, type UserStore } from './UserStore.js';
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

/** Verified against when the account does not exist, so both paths cost the same. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface Principal {
  user: UserInfo;
  sessionId: string;
}

export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    /** Records sign-in successes and failures in the audit chain (never the password). */
    private readonly audit?: AuditSink,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const keys = { address, account: email.trim().toLowerCase() };
    const wait = await this.throttle.retryAfterSeconds(keys);
    if (wait > 0) {
      await this.audit?.append({ type: AUDIT_EVENT.signInFailed, actor: keys.account, subject: keys.account, data: { address, reason: 'locked_out' } });
      throw new LockedOutError(wait);
    }
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.throttle.recordFailure(keys);
      await this.audit?.append({ type: AUDIT_EVENT.signInFailed, actor: keys.account, subject: keys.account, data: { address, reason: user ? 'wrong_password' : 'unknown_account' } });
      throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    }
    await this.throttle.reset(keys);
    const tokens = await this.sessions.create(user.id);
    await this.audit?.append({ type: AUDIT_EVENT.signIn, actor: user.id, subject: keys.account, data: { address } });
    return { ...tokens, user: toUserInfo(user) };
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const rotated = await this.sessions.rotate(refreshToken);
    const user = rotated && (await this.users.findById(rotated.userId));
    if (!rotated || !user) throw new AppError('unauthorized', SIGN_IN_AGAIN);
    return { ...rotated.tokens, user: toUserInfo(user) };
  }

  async logout(input: { refreshToken?: string; sessionId?: string }): Promise<void> {
    if (input.refreshToken) await this.sessions.revokeByRefreshToken(input.refreshToken);
    if (input.sessionId) await this.sessions.revokeSession(input.sessionId);
  }

  /** The principal for a bearer access token; throws 401 `unauthorized` otherwise. */
  async authenticate(accessToken: string | undefined): Promise<Principal> {
    const found = accessToken ? await this.sessions.authenticate(accessToken) : null;
    const user = found && (await this.users.findById(found.userId));
    if (!found || !user) {
      throw new AppError(
        'unauthorized',
        accessToken ? 'Your access token has expired or was revoked. Refresh it or sign in again.' : 'Sign in first: send "Authorization: Bearer <access token>".',
      );
    }
    return { user: toUserInfo(user), sessionId: found.sessionId };
  }
}
