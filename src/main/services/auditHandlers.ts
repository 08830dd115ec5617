/**
 * IPC handlers for the server audit chain (`audit.read`: supervisors and administrators). Each is one
 * authorised server call through the session (bearer token added by ApiClient, one refresh on 401);
 * the server checks the permission, the desktop app only hides the tab from other roles. Responses are
 * parsed with the shared schemas. Audit entries hold no secrets; nothing here is cached or logged.
 */
import { AuditPage, AuditVerification } from '../../shared/api/audit.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import { parseAnswer, type ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';

export type AuditChannel = 'audit.list' | 'audit.verify';

export function createAuditHandlers(api: ApiClient, session: SessionService): Pick<Handlers, AuditChannel> {
  return {
    'audit.list': async ({ before, type, limit }) =>
      session.authorized(async (token) =>
        parseAnswer(
          AuditPage,
          await api.request('/v1/audit', { token, query: { order: 'desc', limit, before, type } }),
          'the audit log',
        ),
      ),
    'audit.verify': async () =>
      session.authorized(async (token) =>
        parseAnswer(AuditVerification, await api.request('/v1/audit/verify', { token }), 'the audit check'),
      ),
  };
}
