/**
 * IPC handlers for the server audit chain (`audit.read`: supervisors and administrators). Each is one
 * authorised server call through the session (bearer token added by ApiClient, one refresh on 401);
 * the server checks the permission, the desktop app only hides the tab from other roles. Responses are
 * parsed with the shared schemas. Audit entries and approval records hold no secrets (never an SMS
 * code); nothing here is cached or logged. The signed export is saved by main through `files` (Electron's
 * save dialog) or, without one (web bridge), handed to the renderer as bytes to download.
 */
import { AuditPage, AuditVerification } from '../../shared/api/audit.js';
import { ApprovalDetail, ApprovalPage, ApprovalStats } from '../../shared/audit/index.js';
import type { ApprovalFilter } from '../../shared/audit/approvalQuery.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import { parseAnswer, type ApiClient } from './apiClient.js';
import type { FileSaver } from './fileSaver.js';
import type { SessionService } from './sessionService.js';

export type AuditChannel =
  | 'audit.list'
  | 'audit.verify'
  | 'audit.approvals'
  | 'audit.approval'
  | 'audit.approvalStats'
  | 'audit.approvalsExport';

/** A large export takes the server a while (it hashes every row); the default 15 s would cut it off. */
const EXPORT_TIMEOUT_MS = 180_000;

/** Filter values as a query string (booleans as `true`/`false`; absent ones left out). */
export function filterQuery(filter: Partial<ApprovalFilter> & Record<string, unknown>) {
  const query: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined) query[k] = typeof v === 'boolean' ? String(v) : (v as string | number);
  return query;
}

export function exportFileName(format: 'csv' | 'xlsx', now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `callsign-approvals-${stamp}.${format}`;
}

export function createAuditHandlers(
  api: ApiClient,
  session: SessionService,
  files?: FileSaver,
): Pick<Handlers, AuditChannel> {
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
    'audit.approvals': async (query) =>
      session.authorized(async (token) =>
        parseAnswer(
          ApprovalPage,
          await api.request('/v1/approvals', { token, query: filterQuery(query) }),
          'the approval list',
        ),
      ),
    'audit.approval': async ({ id }) =>
      session.authorized(async (token) =>
        parseAnswer(
          ApprovalDetail,
          await api.request(`/v1/approvals/${encodeURIComponent(id)}`, { token }),
          'the approval record',
        ),
      ),
    'audit.approvalStats': async (filter) =>
      session.authorized(async (token) =>
        parseAnswer(
          ApprovalStats,
          await api.request('/v1/approvals/stats', { token, query: filterQuery(filter) }),
          'the approval charts',
        ),
      ),
    'audit.approvalsExport': async (query) => {
      const file = await session.authorized((token) =>
        api.download('/v1/approvals/export', { token, query: filterQuery(query), timeoutMs: EXPORT_TIMEOUT_MS }),
      );
      const filename = file.filename ?? exportFileName(query.format);
      if (!files)
        return {
          via: 'renderer',
          filename,
          contentType: file.contentType,
          base64: Buffer.from(file.bytes).toString('base64'),
        };
      const saved = await files.save(filename, file.bytes);
      return { via: 'main', saved: saved !== null, filename: saved?.filename ?? filename };
    },
  };
}
