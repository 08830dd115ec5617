/**
 * A site's client profiles as a spreadsheet (issue 16; seeds/002 "Add Clients in Bulk"):
 *  - `GET  /v1/admin/sites/:siteId/profiles/export?format=xlsx|csv&lang=&template=0|1` → the file (admin.read)
 *  - `POST /v1/admin/sites/:siteId/profiles/import` body = the file (text/csv or the .xlsx type)
 *     → 202 ImportJobStatus, phase `validating` (directory.write; 413 over IMPORT_MAX_BYTES)
 *  - `GET  /v1/admin/imports/:token` → ImportJobStatus: progress, then the preview / result (directory.write)
 *  - `POST /v1/admin/imports/:token/apply` `{ skipFailedRows? }` → 202, phase `applying` (directory.write;
 *     409 when already applied or the site's profiles changed since the preview)
 * Contract: src/shared/directory/import/contract.ts. Jobs live in the database (ImportJobs.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/api/index.js';
import {
  ApplyImportRequest,
  ExportQuery,
  IMPORT_MAX_BYTES,
  ImportJobStatus,
  SHEET_CONTENT_TYPES,
  type SheetFormat,
} from '../../shared/directory/import/index.js';
import type { ProfileSheets } from '../directory/import/ProfileSheets.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'];
const UPLOAD_TYPES = [SHEET_CONTENT_TYPES.xlsx, ...CSV_TYPES, 'application/octet-stream'];
const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
const TOO_LARGE = `The file is larger than ${MB} MB, the most one import takes. Split it into smaller files (e.g. by department) and import each.`;

const SiteParams = z.object({ siteId: z.string().min(1).max(200) });
const TokenParams = z.object({ token: z.string().min(10).max(100) });

function formatOf(contentType: string | undefined): SheetFormat {
  return contentType?.split(';')[0]!.trim().toLowerCase() === SHEET_CONTENT_TYPES.xlsx ? 'xlsx' : 'csv';
}

export const profileSheetRoutes: FastifyPluginAsyncZod<{
  sheets: ProfileSheets;
  now: () => number;
  ttlMs?: number;
}> = async (app, { sheets, now, ttlMs }) => {
  const jobs = sheets.importJobs({
    now,
    ttlMs: ttlMs ?? 30 * 60_000,
    maxJobs: 8,
    logError: (context, message) => app.log.error(context, message),
  });
  // Scoped to this plugin: the file's bytes as a Buffer. The limit is checked from Content-Length
  // first (onRequest below) so the answer says what to do with a spreadsheet, not a request.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/v1/admin/sites/:siteId/profiles/export',
    { config: { permission: 'admin.read' }, schema: { params: SiteParams, querystring: ExportQuery } },
    async (request, reply) => {
      const file = await sheets.exportFile(request.params.siteId, request.query);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  app.post(
    '/v1/admin/sites/:siteId/profiles/import',
    {
      config: { permission: 'directory.write' },
      bodyLimit: IMPORT_MAX_BYTES,
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES)
          throw new AppError('payload_too_large', TOO_LARGE, 'file');
      },
      schema: { params: SiteParams, response: { 202: ImportJobStatus } },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError(
          'unsupported_media_type',
          `Send the spreadsheet's bytes as the body, with Content-Type "text/csv" or "${SHEET_CONTENT_TYPES.xlsx}".`,
          'file',
        );
      if (request.body.length === 0)
        throw new AppError(
          'bad_request',
          'file: the file is empty. Choose the saved spreadsheet and import it again.',
          'file',
        );
      const site = await sheets.siteExists(request.params.siteId);
      if (!site)
        throw new AppError(
          'not_found',
          `There is no site "${request.params.siteId}". Check the site, or list them first.`,
          'siteId',
        );
      return reply
        .status(202)
        .send(await jobs.start(request.params.siteId, request.body, formatOf(request.headers['content-type'])));
    },
  );

  app.get(
    '/v1/admin/imports/:token',
    { config: { permission: 'directory.write' }, schema: { params: TokenParams, response: { 200: ImportJobStatus } } },
    async (request) => jobs.status(request.params.token),
  );

  app.post(
    '/v1/admin/imports/:token/apply',
    {
      config: { permission: 'directory.write' },
      schema: { params: TokenParams, body: ApplyImportRequest.optional(), response: { 202: ImportJobStatus } },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await jobs.apply(request.params.token, request.principal!.user.id, request.body ?? { skipFailedRows: false }),
        ),
  );
};
