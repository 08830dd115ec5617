/**
 * The signed-in session, held by main. The access token lives only in this object's memory and is
 * never passed to the renderer; the refresh token goes to the SecretStore (safeStorage in
 * Electron, memory in the web bridge). On a 401 the call is retried once after a refresh.
 *
 * Refresh is single-flight: the server rotates refresh tokens and treats a second use of one as
 * theft (it ends the session and deletes the device), so two callers that both get a 401 at token
 * expiry — sync, the outbox uploader and lookups run on timers — must share one refresh. A caller
 * whose 401 answered an access token that has since been replaced retries with the new token and
 * does not refresh again.
 *
 * At start-up `resume()` picks the session up again from the stored refresh token, so a restart
 * does not mean signing in again — and when the server cannot be reached, the app opens signed in
 * *offline* as the user last seen with that token (kept beside it in the SecretStore), working from
 * its cache; the first call that needs the server refreshes then. A token the server refuses signs
 * out; a revoked device wipes the cache, as at any other contact.
 *
 * With no stored session (the web bridge keeps the refresh token in memory only), a sign-in while
 * the server is unreachable falls back to *offline unlock* (offlineUnlock.ts): the password is
 * checked against the local verifier of the last user and the app opens on its cache, read-only
 * towards the server (`offlineUnlocked`). Approvals still go to the local outbox and upload after
 * the next real sign-in, as with any offline work; everything that needs the server says it is
 * unreachable. The first server call that finds the server answering ends the offline session and
 * asks for a normal sign-in.
 */
import { AppError } from '../../shared/api/errors.js';
import { LoginResponse, Me, UserInfo } from '../../shared/api/auth.js';
import { SignInResponse, TotpSignInResponse, type DeviceRegistration } from '../../shared/auth/session.js';
import type { SessionStatus } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { OfflineUnlock } from './offlineUnlock.js';
import type { SecretStore } from './secretStore.js';

const REFRESH_KEY = 'refreshToken';
/** Who the stored refresh token belongs to (not a secret; removed with the token). */
const USER_KEY = 'signedInUser';
/** How long the first `session.status` waits for a resumed session to be confirmed by the server. */
const RESUME_WAIT_MS = 3000;

export class SessionService {
  private accessToken: string | undefined;
  private user: UserInfo | undefined;
  private online = true;
  /** Between the password and the TOTP step: a short-lived server token, memory only. */
  private mfaToken: string | undefined;
  /**
   * After a one-time password (and TOTP when enrolled): the server's short-lived, single-use token
   * for choosing one's own password. Memory only; the one-time password itself is not kept.
   */
  private passwordChangeToken: string | undefined;
  /** Learnt from how this sign-in went (see SessionStatus.totpEnabled); the server has no /me flag. */
  private totpEnabled: boolean | undefined;
  private resuming: Promise<void> = Promise.resolve();
  /** The one refresh under way, awaited by every caller that needs it (see the file comment). */
  private refreshing: Promise<void> | undefined;
  /** Opened by offline unlock: no tokens at all until a normal sign-in. */
  private offlineUnlocked = false;

  constructor(
    private readonly api: ApiClient,
    private readonly secrets: SecretStore,
    private readonly serverUrl: () => string,
    /** This installation as the server's device list shows it. */
    private readonly device: DeviceRegistration = { name: 'Callsign', platform: 'unknown' },
    /** Called when the server revoked this device: the app must wipe its cache (DESIGN.md). */
    private readonly onWiped: (reason: string) => void = () => {},
    /** The last user's local password verifier; absent, offline unlock is off. */
    private readonly offline?: OfflineUnlock,
  ) {}

  status(): SessionStatus {
    return {
      signedIn: Boolean(this.user),
      user: this.user,
      serverUrl: this.serverUrl(),
      online: this.online,
      ...(this.mfaToken ? { mfaRequired: true } : {}),
      ...(this.passwordChangeToken ? { passwordChangeRequired: true } : {}),
      ...(this.user && this.totpEnabled !== undefined ? { totpEnabled: this.totpEnabled } : {}),
      ...(this.user && this.offlineUnlocked ? { offlineUnlocked: true } : {}),
    };
  }

  /**
   * Starts picking up a stored session (see the file comment). `ready()` waits for it — at most
   * RESUME_WAIT_MS: a server that answers slowly must not keep the app on its splash screen, so
   * by then the last user is shown (signed in, as offline) while the refresh carries on.
   */
  resume(): Promise<void> {
    // resumeStored handles the server's answers; what reaches here is local (the secret store failed).
    const work = this.resumeStored().catch((err: unknown) =>
      console.error('Callsign: the stored session could not be resumed; sign in again', err),
    );
    this.resuming = Promise.race([work, new Promise<void>((r) => setTimeout(r, RESUME_WAIT_MS).unref?.())]);
    return work;
  }

  /** Resolves once a `resume()` under way has settled, or RESUME_WAIT_MS after it started. */
  ready(): Promise<void> {
    return this.resuming;
  }

  private async resumeStored(): Promise<void> {
    if (!(await this.secrets.get(REFRESH_KEY))) return;
    const last = UserInfo.safeParse(JSON.parse((await this.secrets.get(USER_KEY)) ?? 'null'));
    if (last.success) this.user = last.data; // replaced by the server's answer, or dropped with a refused token
    try {
      await this.refresh();
      await this.learnTotp();
    } catch (err) {
      if (err instanceof AppError && err.code === 'server_unreachable') return; // offline: the cache is usable; the server is asked later
      await this.revokedCheck(err);
      await this.forget();
    }
  }

  /** Whether TOTP is on, from the server (a resumed session has not seen the sign-in steps). */
  private async learnTotp(): Promise<void> {
    const token = this.accessToken;
    if (!token) return;
    const me = Me.safeParse(
      await this.api.request('/v1/me', { token }).catch((err: unknown) => {
        console.warn('Callsign: could not ask the server whether two-step sign-in is on; shown as unknown', err);
        return null;
      }),
    );
    if (me.success) this.totpEnabled = me.data.totpEnabled;
  }

  async login(email: string, password: string): Promise<SessionStatus> {
    let body: unknown;
    try {
      body = await this.track(() =>
        this.api.request('/v1/auth/login', { method: 'POST', body: { email, password, device: this.device } }),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'server_unreachable' && (await this.unlockOffline(email, password)))
        return this.status();
      throw err;
    }
    const res = SignInResponse.parse(body);
    this.passwordChangeToken = undefined;
    // A one-time password opens nothing, offline either: the person's own password becomes the verifier.
    if ('passwordChangeRequired' in res) {
      this.passwordChangeToken = res.passwordChangeToken;
      return this.status();
    }
    // The password was right: it becomes the offline verifier (also for TOTP accounts, whose code
    // cannot be checked offline — offline unlock only ever opens the cache read-only).
    await this.rememberOffline(email, password, 'mfaRequired' in res ? undefined : res.user);
    if ('mfaRequired' in res) {
      this.mfaToken = res.mfaToken;
      this.pendingOffline = { email, password };
      return this.status();
    }
    this.totpEnabled = false;
    await this.start(res);
    return this.status();
  }

  /** Between the password step and TOTP: the verifier is written once the user is known. */
  private pendingOffline: { email: string; password: string } | undefined;

  private async rememberOffline(email: string, password: string, user: UserInfo | undefined): Promise<void> {
    if (!this.offline || !user) return;
    await this.offline.remember(email, password, user).catch((err: unknown) => {
      console.error('Callsign: could not store the offline unlock verifier; offline unlock stays off', err);
    });
  }

  /** True when the password opened the cache offline; false when there is nobody to unlock. */
  private async unlockOffline(email: string, password: string): Promise<boolean> {
    const user = await this.offline?.unlock(email, password);
    if (!user) return false;
    this.user = user;
    this.accessToken = undefined;
    this.offlineUnlocked = true;
    this.totpEnabled = undefined;
    return true;
  }

  async totp(step: { code?: string; recoveryCode?: string }): Promise<SessionStatus> {
    if (!this.mfaToken) throw new AppError('not_signed_in', 'Enter your email and password first.');
    const mfaToken = this.mfaToken;
    try {
      const body = await this.track(() =>
        this.api.request('/v1/auth/totp', { method: 'POST', body: { mfaToken, ...step } }),
      );
      const res = TotpSignInResponse.parse(body);
      this.mfaToken = undefined;
      const pending = this.pendingOffline;
      this.pendingOffline = undefined;
      if ('passwordChangeRequired' in res) {
        this.passwordChangeToken = res.passwordChangeToken;
        return this.status();
      }
      await this.start(res);
      this.totpEnabled = true;
      if (pending) await this.rememberOffline(pending.email, pending.password, res.user);
    } catch (err) {
      // An expired or used-up mfaToken means starting again from the password.
      if (err instanceof AppError && err.code === 'unauthorized') this.mfaToken = undefined;
      throw err;
    }
    return this.status();
  }

  /**
   * First sign-in after a one-time password: the person's own password replaces it and signs them in.
   * SECRET: `newPassword` goes to the server and into the offline verifier (a salted hash) only.
   */
  async choosePassword(newPassword: string): Promise<SessionStatus> {
    const passwordChangeToken = this.passwordChangeToken;
    if (!passwordChangeToken) throw new AppError('not_signed_in', 'Sign in with your one-time password first.');
    try {
      const body = await this.track(() =>
        this.api.request('/v1/auth/password/choose', { method: 'POST', body: { passwordChangeToken, newPassword } }),
      );
      const res = LoginResponse.parse(body);
      this.passwordChangeToken = undefined;
      await this.start(res);
      await this.learnTotp();
      await this.rememberOffline(res.user.email, newPassword, res.user);
    } catch (err) {
      // The step expired or was used: the person starts again from the one-time password.
      if (err instanceof AppError && err.code === 'unauthorized') this.passwordChangeToken = undefined;
      throw err;
    }
    return this.status();
  }

  /**
   * The signed-in person's new password (the server ends their other sessions, keeps this one). The
   * offline verifier follows, so the old password no longer opens the cache on this computer.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.authorized((token) =>
      this.api.request('/v1/auth/password', { method: 'POST', token, body: { currentPassword, newPassword } }),
    );
    if (this.user) await this.rememberOffline(this.user.email, newPassword, this.user);
  }

  private async start(res: LoginResponse) {
    this.accept(res);
    await this.store(res);
  }

  private async store(res: LoginResponse) {
    await this.secrets.set(REFRESH_KEY, res.refreshToken);
    await this.secrets.set(USER_KEY, JSON.stringify(res.user));
  }

  private async forget() {
    this.accessToken = undefined;
    this.user = undefined;
    await this.secrets.delete(REFRESH_KEY);
    await this.secrets.delete(USER_KEY);
  }

  /** Enrolment confirmed, or an administrator reset this account's TOTP, during this session. */
  noteTotpEnabled(on: boolean): void {
    if (this.user) this.totpEnabled = on;
  }

  async logout(): Promise<SessionStatus> {
    this.mfaToken = undefined;
    this.passwordChangeToken = undefined;
    this.pendingOffline = undefined;
    this.totpEnabled = undefined;
    this.offlineUnlocked = false;
    const token = this.accessToken;
    await this.forget();
    // Signed out here whatever the server says; if it can't be told, its session ends when the token expires.
    if (token)
      await this.api
        .request('/v1/auth/logout', { method: 'POST', body: {}, token })
        .catch((err: unknown) =>
          console.warn('Callsign: the server was not told about this sign-out; its session expires on its own', err),
        );
    return this.status();
  }

  /** Runs an authorised request, refreshing the access token once on 401 (one refresh shared by all callers). */
  async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    if (!this.user) throw new AppError('not_signed_in', 'Sign in to Callsign first.');
    if (this.offlineUnlocked) await this.offlineCheck();
    if (!this.accessToken) await this.refresh().catch((e: unknown) => this.refreshFailed(e));
    const sent = this.accessToken!;
    try {
      return await this.track(() => call(sent));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'unauthorized') throw await this.revokedCheck(err);
      // Refresh only if nobody replaced the token this call was refused with; else use theirs.
      if (this.accessToken === sent || !this.accessToken)
        await this.refresh().catch((e: unknown) => this.refreshFailed(e));
      const fresh = this.accessToken;
      if (!fresh) throw new AppError('not_signed_in', 'Your session has ended. Sign in again.');
      return this.track(() => call(fresh)).catch(async (e: unknown) => {
        throw await this.revokedCheck(e);
      });
    }
  }

  /**
   * Offline-unlocked: there is no token to send. If the server answers again, the offline session
   * ends and the person signs in normally; otherwise the call fails as unreachable (work stays local).
   */
  private async offlineCheck(): Promise<never> {
    const back = await this.track(() => this.api.request('/v1/health')).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && err.code === 'server_unreachable') return false;
        console.warn('Callsign: the server answered the health check with an error; treated as back', err);
        return true;
      },
    );
    if (back) {
      this.user = undefined;
      this.offlineUnlocked = false;
      throw new AppError('not_signed_in', 'The server can be reached again: sign in to carry on.');
    }
    throw new AppError(
      'server_unreachable',
      "Callsign was opened offline and can't reach the server yet. Cached data keeps working; this needs the server.",
    );
  }

  /**
   * The refresh token was refused (expired, reused, revoked): the session is over — signed out, so
   * the renderer (which re-reads the status on `unauthorized`) shows sign-in. Offline keeps it.
   */
  private async refreshFailed(err: unknown): Promise<never> {
    if (err instanceof AppError && err.code === 'unauthorized') {
      await this.forget();
      // The session was refused (password changed, account disabled?): no offline unlock either.
      await this.offline?.forget();
    }
    throw await this.revokedCheck(err);
  }

  /** A revoked device forgets its session at once and tells the app to wipe its cache. */
  private async revokedCheck(err: unknown): Promise<unknown> {
    if (err instanceof AppError && err.code === 'device_revoked') {
      await this.forget();
      await this.offline?.forget();
      this.onWiped('device_revoked');
    }
    return err;
  }

  /** Joins the refresh under way, or starts one; the promise is dropped once settled. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.rotate().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async rotate(): Promise<void> {
    const refreshToken = await this.secrets.get(REFRESH_KEY);
    if (!refreshToken) throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
    const body = await this.track(() =>
      this.api.request('/v1/auth/refresh', { method: 'POST', body: { refreshToken } }),
    );
    const res = LoginResponse.parse(body);
    this.accept(res);
    await this.store(res);
  }

  private accept(res: LoginResponse) {
    this.accessToken = res.accessToken;
    this.user = res.user;
    this.offlineUnlocked = false;
  }

  /** Records whether the server was reachable, for the renderer's offline badge. */
  private async track<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const v = await fn();
      this.online = true;
      return v;
    } catch (err) {
      this.online = !(err instanceof AppError && err.code === 'server_unreachable');
      throw err;
    }
  }
}
