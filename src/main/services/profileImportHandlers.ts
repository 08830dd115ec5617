/**
 * IPC handlers for a site's profile spreadsheet: export (the server's file, passed on in base64)
 * and import. An import arrives in base64 chunks (the web bridge caps a message at 1 MB); they are
 * kept here, in memory only, until `profiles.importStart` sends the joined file to the server in
 * one request. Pending uploads are bounded in number, size and age, and dropped once sent.
 */
import { AppError } from '../../shared/api/errors.js';
import type { ExportedFile } from '../../shared/admin/importIpc.js';
import { IMPORT_MAX_BYTES, ImportJobStatus, SHEET_CONTENT_TYPES } from '../../shared/directory/import/contract.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';

export type ProfileImportChannel =
  | 'profiles.export'
  | 'profiles.importChunk'
  | 'profiles.importStart'
  | 'profiles.importStatus'
  | 'profiles.importApply';

const MAX_PENDING = 4;
const PENDING_MS = 10 * 60_000;

interface Pending {
  chunks: string[];
  chars: number;
  since: number;
}

export function createProfileImportHandlers(
  api: ApiClient,
  session: SessionService,
  now: () => number = Date.now,
): Pick<Handlers, ProfileImportChannel> {
  const pending = new Map<string, Pending>();
  const sweep = () => {
    for (const [id, p] of pending) if (now() - p.since > PENDING_MS) pending.delete(id);
  };
  const status = (body: unknown) => ImportJobStatus.parse(body);
  return {
    'profiles.export': async ({ siteId, format, lang, template }) => {
      const file = await session.authorized((token) =>
        api.download(`/v1/admin/sites/${encodeURIComponent(siteId)}/profiles/export`, {
          token,
          query: { format, lang, template: template ? '1' : '0' },
          headers: { accept: SHEET_CONTENT_TYPES[format] },
        }),
      );
      return {
        fileName: file.filename ?? `profiles-${siteId}.${format}`,
        contentType: file.contentType,
        base64: Buffer.from(file.bytes).toString('base64'),
      } satisfies ExportedFile;
    },
    'profiles.importChunk': async ({ uploadId, index, data }) => {
      sweep();
      let p = pending.get(uploadId);
      if (index === 0) {
        if (!p && pending.size >= MAX_PENDING)
          throw new AppError('rate_limited', 'Too many imports are under way. Finish or close one, then try again.');
        p = { chunks: [], chars: 0, since: now() };
        pending.set(uploadId, p);
      }
      if (!p || p.chunks.length !== index)
        throw new AppError('bad_request', 'index: the file arrived out of order. Pick the file again.', 'index');
      p.chunks.push(data);
      p.chars += data.length;
      if ((p.chars * 3) / 4 > IMPORT_MAX_BYTES) {
        pending.delete(uploadId);
        throw new AppError(
          'payload_too_large',
          `file: larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split the spreadsheet and import each part.`,
          'file',
        );
      }
      return { received: p.chunks.length };
    },
    'profiles.importStart': async ({ uploadId, siteId, format }) => {
      const p = pending.get(uploadId);
      pending.delete(uploadId);
      if (!p)
        throw new AppError(
          'bad_request',
          'uploadId: no file was received for this import. Pick the file again.',
          'uploadId',
        );
      const bytes = new Uint8Array(Buffer.from(p.chunks.join(''), 'base64'));
      return status(
        await session.authorized((token) =>
          api.request(`/v1/admin/sites/${encodeURIComponent(siteId)}/profiles/import`, {
            method: 'POST',
            token,
            query: { format },
            rawBody: { bytes, contentType: SHEET_CONTENT_TYPES[format] },
            timeoutMs: 60_000,
          }),
        ),
      );
    },
    'profiles.importStatus': async ({ token: job }) =>
      status(
        await session.authorized((token) => api.request(`/v1/admin/imports/${encodeURIComponent(job)}`, { token })),
      ),
    'profiles.importApply': async ({ token: job, skipFailedRows }) =>
      status(
        await session.authorized((token) =>
          api.request(`/v1/admin/imports/${encodeURIComponent(job)}/apply`, {
            method: 'POST',
            token,
            body: { skipFailedRows },
          }),
        ),
      ),
  };
}
