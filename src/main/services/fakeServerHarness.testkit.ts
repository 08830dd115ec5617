/**
 * Test support for main's IPC handlers: the real handlers, SessionService and ApiClient in front of
 * a fake server. Every request is recorded as `METHOD path?query auth`; `answer` decides the
 * response for a request (undefined: fall through to `routes`, then sign-in and refresh with
 * tokens for `user`, then 404).
 */
import type { UserInfo } from '../../shared/api/auth.js';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import { ApiClient, type FetchLike } from './apiClient.js';
import { createHandlers } from './handlers.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';
import { MemorySettingsStore } from './settingsStore.js';
import { LeaseKeeper } from './leaseKeeper.js';
import type { Clipboard } from './clipboard.js';
import type { FileSaver } from './fileSaver.js';
import type { LeaseEnded } from '../../shared/credentials/leaseTypes.js';

export type Answer = (request: {
  method: string;
  path: string;
  auth: string | undefined;
  body?: unknown;
}) => Response | undefined;

export const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export function handlersBehindFakeServer(
  user: UserInfo,
  routes: Answer,
  answer: Answer = () => undefined,
  opts: { clipboard?: Clipboard; files?: FileSaver } = {},
) {
  const tokens = (at: string) => ({ accessToken: at, refreshToken: `R${at}`, expiresIn: 900, user, deviceId: 'd1' });
  const calls: string[] = [];
  const fetchImpl = (async (url: URL | RequestInfo, init?: RequestInit) => {
    const u = new URL(String(url));
    const request = {
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      path: u.pathname,
      auth: (init?.headers as Record<string, string>)?.authorization,
    };
    calls.push(`${request.method} ${u.pathname}${u.search} ${request.auth ?? ''}`.trim());
    const found = answer(request) ?? routes(request);
    if (found) return found;
    if (u.pathname === '/v1/auth/login') return json(200, tokens('AT1'));
    if (u.pathname === '/v1/auth/refresh') return json(200, tokens('AT2'));
    return json(404, { error: { code: 'not_found', message: 'no such route' } });
  }) as FetchLike;
  const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
  const session = new SessionService(api, new MemorySecretStore(), () => 'http://127.0.0.1:4317');
  const settings = new MemorySettingsStore();
  const ended: LeaseEnded[] = [];
  const leases = new LeaseKeeper({
    clipboard: opts.clipboard,
    clearAfterSeconds: () => settings.get().clipboardClearSeconds,
    onEnded: (e) => ended.push(e),
  });
  const handlers = createHandlers({
    api,
    session,
    settings,
    leases,
    ...(opts.files ? { files: opts.files } : {}),
    info: { version: '0', shell: 'web-bridge', platform: 'test' },
  });
  const { client } = createMemoryPair(handlers);
  return { client, calls, leases, ended, settings };
}
