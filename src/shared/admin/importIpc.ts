/**
 * The import screen's IPC requests (desktop → main). A file crosses IPC in base64 chunks of at most
 * IMPORT_CHUNK_CHARS (the web bridge refuses WebSocket messages over 1 MB); main joins them and
 * sends the file to the server in one request.
 */
import { z } from 'zod';
import { Locale } from '../i18n/locales.js';
import { IMPORT_MAX_BYTES, SheetFormat } from '../directory/import/contract.js';

/** Base64 characters per chunk (≈ 384 KB of file). */
export const IMPORT_CHUNK_CHARS = 512 * 1024;

const UploadId = z.string().regex(/^[\w-]{8,64}$/, 'use the upload id the import screen made');
const SiteId = z.string().min(1).max(200);

export const ImportChunk = z
  .object({
    uploadId: UploadId,
    /** 0, 1, 2 … in order. */
    index: z
      .number()
      .int()
      .min(0)
      .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3 / IMPORT_CHUNK_CHARS)),
    data: z
      .string()
      .max(IMPORT_CHUNK_CHARS)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'send the file in base64'),
  })
  .strict();

export const ImportStart = z.object({ uploadId: UploadId, siteId: SiteId, format: SheetFormat }).strict();
export const ImportToken = z.object({ token: z.string().min(1).max(200) }).strict();
export const ImportApply = ImportToken.extend({ skipFailedRows: z.boolean() }).strict();

export const ProfilesExport = z
  .object({ siteId: SiteId, format: SheetFormat, lang: Locale, template: z.boolean() })
  .strict();

/** An exported file for the renderer to save (base64: IPC carries JSON). */
export interface ExportedFile {
  fileName: string;
  contentType: string;
  base64: string;
}
