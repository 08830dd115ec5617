/**
 * The signed-in session, held by main. The access token lives only in this object's memory and is
 * never passed to the renderer; the refresh token goes to the SecretStore (safeStorage in
 * Electron, memory in the web bridge). On a 401 the call is retried once after a refresh.
 */
import { AppError } from '../../shared/api/errors.js';
import { LoginResponse, type UserInfo } from '../../shared/api/auth.js';
import type { SessionStatus } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { SecretStore } from './secretStore.js';

const REFRESH_KEY = 'refreshToken';

export class SessionService {
  private accessToken: string | undefined;
  private user: UserInfo | undefined;
  private online = true;

  constructor(
    private readonly api: ApiClient,
    private readonly secrets: SecretStore,
    private readonly serverUrl: () => string,
  ) {}

  status(): SessionStatus {
    return { signedIn: Boolean(this.user), user: this.user, serverUrl: this.serverUrl(), online: this.online };
  }

  async login(email: string, password: string): Promise<SessionStatus> {
    const body = await this.track(() => this.api.request('/v1/auth/login', { method: 'POST', body: { email, password } }));
    const res = LoginResponse.parse(body);
    this.accept(res);
    await this.secrets.set(REFRESH_KEY, res.refreshToken);
    return this.status();
  }

  async logout(): Promise<SessionStatus> {
    const token = this.accessToken;
    this.accessToken = undefined;
    this.user = undefined;
    await this.secrets.delete(REFRESH_KEY);
    if (token) await this.api.request('/v1/auth/logout', { method: 'POST', body: {}, token }).catch(() => undefined);
    return this.status();
  }

  /** Runs an authorised request, refreshing the access token once on 401. */
  async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    if (!this.user) throw new AppError('not_signed_in', 'Sign in to Callsign first.');
    if (!this.accessToken) await this.refresh();
    try {
      return await this.track(() => call(this.accessToken!));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'unauthorized') throw err;
      await this.refresh();
      return this.track(() => call(this.accessToken!));
    }
  }

  private async refresh(): Promise<void> {
    const refreshToken = await this.secrets.get(REFRESH_KEY);
    if (!refreshToken) throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
    const body = await this.track(() => this.api.request('/v1/auth/refresh', { method: 'POST', body: { refreshToken } }));
    const res = LoginResponse.parse(body);
    this.accept(res);
    await this.secrets.set(REFRESH_KEY, res.refreshToken);
  }

  private accept(res: LoginResponse) {
    this.accessToken = res.accessToken;
    this.user = res.user;
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
