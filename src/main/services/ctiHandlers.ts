/**
 * IPC handlers for the call log (issue 13): recent calls (`directory.read`) and attaching an
 * unidentified caller's number to a profile (`directory.write`; the server audits it). Live calls
 * arrive on the `cti.call` event from the stream (ctiStream.ts), not through these.
 */
import { CallList, CallView } from '../../shared/api/cti.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import { parseAnswer, type ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';

export type CtiChannel = 'cti.calls' | 'cti.attach';

export function createCtiHandlers(api: ApiClient, session: SessionService): Pick<Handlers, CtiChannel> {
  return {
    'cti.calls': async ({ limit }) =>
      session.authorized(async (token) =>
        parseAnswer(CallList, await api.request('/v1/cti/calls', { token, query: { limit } }), 'the call log'),
      ),
    'cti.attach': async ({ callId, profileId }) =>
      session.authorized(async (token) =>
        parseAnswer(
          CallView,
          await api.request(`/v1/cti/calls/${encodeURIComponent(callId)}/attach`, {
            method: 'POST',
            token,
            body: { profileId },
          }),
          'the call log',
        ),
      ),
  };
}
