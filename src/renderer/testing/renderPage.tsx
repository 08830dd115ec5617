/** Test-only: renders one signed-in page (no shell, no offline cache) over fake IPC handlers. */
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { render } from '@testing-library/react';
import type { UserInfo } from '../../shared/api/auth.js';
import type { Handlers, SessionStatus } from '../../shared/ipc/contract.js';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import { AppProviders } from '../app/AppProviders.js';
import { createI18n } from '../app/i18n/createI18n.js';
import { createQueryClient } from '../app/queryClient.js';
import type { Services } from '../app/services.js';
import './matchMediaStub.js';

// jsdom lacks matchMedia (MUI's system mode reads it).

export const TECH: UserInfo = { id: 'u1', email: 'tech@callsign.demo', name: 'Tess Tech', role: 'technician' };

/**
 * `handlers` need only the channels the page calls (through the real dispatcher, so payloads are
 * validated as in main); `session.status` answers `status`. Every call is recorded in `calls`.
 */
export function renderPage(
  element: ReactNode,
  {
    url = '/',
    handlers = {},
    status,
    services,
  }: {
    url?: string;
    handlers?: Partial<Handlers>;
    status?: Partial<SessionStatus>;
    /** Other services the page needs (e.g. a fake `directory`). */
    services?: Partial<Services>;
  } = {},
) {
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const session: SessionStatus = {
    signedIn: true,
    serverUrl: 'http://127.0.0.1:4399',
    online: true,
    user: TECH,
    ...status,
  };
  const all = {
    'session.status': async () => session,
    'settings.get': async () => ({ theme: 'light', locale: 'en-US' }),
    ...handlers,
  } as Partial<Handlers>;
  const recorded = Object.fromEntries(
    Object.entries(all).map(([channel, fn]) => [
      channel,
      async (payload: unknown) => (calls.push({ channel, payload }), (fn as (p: unknown) => Promise<unknown>)(payload)),
    ]),
  ) as unknown as Handlers;
  const { client } = createMemoryPair(recorded);
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [url] });
  const view = render(
    <AppProviders
      i18n={createI18n()}
      queryClient={queryClient}
      services={{ ...services, api: client } as unknown as Services}
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, calls, queryClient, router };
}
