/**
 * The main-process implementation of the IPC contract, wired from injected services so the same
 * handlers run in Electron and behind the web bridge (and in Node tests).
 */
import { SYNC_CURSOR_HEADER, SyncPage } from '../../shared/api/sync.js';
import { syncCursorOf } from './syncCursor.js';
import { ApprovalStored, SmsCodeChecked, SmsCodeSent } from '../../shared/api/approvals.js';
import { z } from 'zod';
import type { AppInfo, ConnectionStatus, Handlers } from '../../shared/ipc/contract.js';
import { createAccountHandlers } from './accountHandlers.js';
import { createAuditHandlers } from './auditHandlers.js';
import { createCredentialHandlers } from './credentialHandlers.js';
import { createCtiHandlers } from './ctiHandlers.js';
import { createDirectoryAdminHandlers } from './directoryAdminHandlers.js';
import { createProfileImportHandlers } from './profileImportHandlers.js';
import type { ApiClient } from './apiClient.js';
import type { FileSaver } from './fileSaver.js';
import type { LeaseKeeper } from './leaseKeeper.js';
import type { SessionService } from './sessionService.js';
import type { SettingsStore } from './settingsStore.js';

const OutboxList = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      // nodemailer reports recipients as a list; the contract shows one line.
      to: z.union([z.string(), z.array(z.string())]).transform((to) => (Array.isArray(to) ? to.join(', ') : to)),
      subject: z.string(),
      text: z.string(),
      sentAt: z.string(),
    }),
  ),
});

export interface HandlerDeps {
  api: ApiClient;
  session: SessionService;
  settings: SettingsStore;
  /** Checked-out secrets (main memory only); wiped on sign-out. */
  leases: LeaseKeeper;
  info: AppInfo;
  /** Server reachability (connectivity.ts); absent in tests that do not need it. */
  connectivity?: { status(): ConnectionStatus };
  /** Electron's save dialog for server-made files; absent in the web bridge (the renderer downloads). */
  files?: FileSaver;
}

export function createHandlers({ api, session, settings, leases, info, connectivity, files }: HandlerDeps): Handlers {
  return {
    'session.status': async () => (await session.ready(), session.status()),
    'session.login': async ({ email, password, serverUrl }) => {
      if (serverUrl) settings.set({ serverUrl });
      return session.login(email, password);
    },
    'session.totp': async (step) => session.totp(step),
    'session.choosePassword': async ({ newPassword }) => session.choosePassword(newPassword),
    'session.logout': async () => {
      await leases.wipeAll('signed_out');
      return session.logout();
    },
    'sync.pull': async ({ since, limit }) =>
      session.authorized(async (token) =>
        SyncPage.parse(await api.request('/v1/sync', { token, query: { since, limit } })),
      ),
    'sync.pullBytes': async ({ since, limit }) =>
      session.authorized(async (token) => {
        // Main reads the cursor only (from its header: syncCursor.ts) and passes the server's bytes on
        // as they came: the sync worker validates every change (against the whole SyncPage schema)
        // before anything is written, so validating 5,000 records here too, and serialising them
        // again, was pure cost (~0.1 s a page on the CPU the renderer shares during a first sync).
        const { bytes, headers } = await api.requestBytes('/v1/sync', { token, query: { since, limit } });
        return { ...syncCursorOf(headers.get(SYNC_CURSOR_HEADER), bytes), bytes };
      }),
    'lookup.remote': async (q) => session.authorized((token) => api.request('/v1/lookup', { token, query: q })),
    'approvals.upload': async (record) =>
      session.authorized(async (token) =>
        ApprovalStored.parse(
          await api.request('/v1/approvals', {
            method: 'POST',
            token,
            body: record,
            headers: { 'idempotency-key': record.id },
          }),
        ),
      ),
    'approvals.escalate': async (req) =>
      session.authorized(async (token) =>
        z
          .object({ notified: z.number() })
          .parse(await api.request('/v1/approvals/escalations', { method: 'POST', token, body: req })),
      ),
    'sms.send': async (req) =>
      session.authorized(async (token) =>
        SmsCodeSent.parse(await api.request('/v1/sms/codes', { method: 'POST', token, body: req })),
      ),
    'sms.check': async ({ codeId, code }) =>
      session.authorized(async (token) =>
        SmsCodeChecked.parse(
          await api.request(`/v1/sms/codes/${encodeURIComponent(codeId)}/check`, {
            method: 'POST',
            token,
            body: { code },
          }),
        ),
      ),
    'outbox.list': async () =>
      session.authorized(async (token) => OutboxList.parse(await api.request('/v1/outbox', { token }))),
    ...createAccountHandlers(api, session),
    ...createAuditHandlers(api, session, files),
    ...createCredentialHandlers(api, session, leases),
    ...createCtiHandlers(api, session),
    ...createDirectoryAdminHandlers(api, session),
    ...createProfileImportHandlers(api, session),
    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => settings.set(patch),
    'app.info': async () => info,
    'connection.status': async () => connectivity?.status() ?? { online: true, since: 0, checked: false },
  };
}
