/**
 * IPC handlers for the NOC credential vault (issue 10). The server checks `credentials.checkout` /
 * `credentials.force_checkin`; the desktop app only hides the tab from other roles.
 *
 * SECRET boundary: the check-out response is the one body with a password. It goes straight into the
 * LeaseKeeper (main memory); `credentials.checkout` answers with the LeaseView. The password crosses to
 * the renderer only on `reveal` / `readBack` (and `copy` in the web bridge), each recorded first through
 * `POST /v1/leases/:leaseId/events` — if the server cannot record it, the password stays hidden.
 */
import { AppError } from '../../shared/api/errors.js';
import { CheckinResult, CheckoutGranted, CredentialList, type LeaseEvent } from '../../shared/api/credentials.js';
import { readBackGroups } from '../../shared/credentials/natoReadBack.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { LeaseKeeper } from './leaseKeeper.js';
import type { SessionService } from './sessionService.js';

export type CredentialChannel =
  | 'credentials.list'
  | 'credentials.checkout'
  | 'credentials.reveal'
  | 'credentials.copy'
  | 'credentials.readBack'
  | 'credentials.checkin'
  | 'credentials.forceCheckin'
  | 'credentials.leases';

const enc = encodeURIComponent;

function unreachable(err: unknown, message: string): unknown {
  return err instanceof AppError && err.code === 'server_unreachable'
    ? new AppError('server_unreachable', message)
    : err;
}

export function createCredentialHandlers(
  api: ApiClient,
  session: SessionService,
  keeper: LeaseKeeper,
): Pick<Handlers, CredentialChannel> {
  /** Records a reveal/copy/read-back before the password leaves main. */
  const audit = async (leaseId: string, event: LeaseEvent['event']) => {
    keeper.view(leaseId); // an ended lease is refused before any server call
    try {
      await session.authorized((token) =>
        api.request(`/v1/leases/${enc(leaseId)}/events`, { method: 'POST', token, body: { event } }),
      );
    } catch (err) {
      throw unreachable(
        err,
        "Callsign couldn't reach the server to record this, so the password stays hidden. Try again in a moment.",
      );
    }
  };

  return {
    'credentials.list': async ({ siteId }) =>
      session.authorized(async (token) =>
        CredentialList.parse(await api.request(`/v1/sites/${enc(siteId)}/credentials`, { token })),
      ),
    'credentials.checkout': async ({ credentialId, ...body }) => {
      let raw: unknown;
      try {
        raw = await session.authorized((token) =>
          api.request(`/v1/credentials/${enc(credentialId)}/checkout`, { method: 'POST', token, body }),
        );
      } catch (err) {
        throw unreachable(
          err,
          "Checking out needs the server, and Callsign couldn't reach it. The accounts shown are from the offline copy; try again when you're back online.",
        );
      }
      const granted = CheckoutGranted.safeParse(raw);
      // The zod issue could quote the body, which holds the password: say only what to do.
      if (!granted.success)
        throw new AppError('internal', 'The server sent a check-out Callsign could not read. Try again.');
      return keeper.hold(granted.data);
    },
    'credentials.reveal': async ({ leaseId }) => {
      await audit(leaseId, 'reveal');
      return { secret: keeper.secret(leaseId) };
    },
    'credentials.copy': async ({ leaseId }) => {
      await audit(leaseId, 'copy');
      return keeper.copy(leaseId);
    },
    'credentials.readBack': async ({ leaseId }) => {
      await audit(leaseId, 'read_back');
      return { groups: readBackGroups(keeper.secret(leaseId)) };
    },
    'credentials.checkin': async ({ leaseId }) => {
      // The password is forgotten here whatever the server says: the technician is done with it.
      const view = keeper.has(leaseId) ? keeper.view(leaseId) : undefined;
      await keeper.end(leaseId, 'checked_in');
      try {
        return CheckinResult.parse(
          await session.authorized((token) =>
            api.request(`/v1/leases/${enc(leaseId)}/checkin`, { method: 'POST', token, body: {} }),
          ),
        );
      } catch (err) {
        const until = view ? ` The server ends it at ${new Date(view.expiresAt).toLocaleTimeString()}.` : '';
        throw unreachable(
          err,
          `Callsign forgot the password, but couldn't reach the server to check it in.${until} Try Check in again when you're online.`,
        );
      }
    },
    'credentials.forceCheckin': async ({ credentialId }) => {
      await session.authorized((token) =>
        api.request(`/v1/credentials/${enc(credentialId)}/force-checkin`, { method: 'POST', token, body: {} }),
      );
      await Promise.all(
        keeper
          .list()
          .filter((l) => l.credentialId === credentialId)
          .map((l) => keeper.end(l.leaseId, 'checked_in')),
      );
      return { ended: true };
    },
    'credentials.leases': async () => keeper.list(),
  };
}
