/**
 * The import flow of one site's profile spreadsheet: upload (base64 chunks over IPC), validation on
 * the server with progress, the preview, then apply with progress and the result. One flow at a
 * time per screen; polling stops when the screen goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { IMPORT_CHUNK_CHARS } from '../../../shared/admin/importIpc.js';
import type { AppError } from '../../../shared/api/errors.js';
import type { ImportJobStatus, SheetFormat } from '../../../shared/directory/import/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { useServices } from '../../app/useServices.js';
import { syncKeys } from '../sync/queries.js';
import { directoryAdminKeys } from './queries.js';

const POLL_MS = 250;

export type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; sent: number; total: number }
  | { step: 'job'; job: ImportJobStatus }
  | { step: 'error'; error: AppError };

/** The sheet format of a picked file, by its name; undefined for anything else. */
export function formatOf(fileName: string): SheetFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'csv' ? ext : undefined;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function useProfileImport(siteId: string) {
  const { api } = useServices();
  const qc = useQueryClient();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const poll = useCallback(
    async (job: ImportJobStatus) => {
      let current = job;
      while (alive.current && (current.phase === 'validating' || current.phase === 'applying')) {
        setState({ step: 'job', job: current });
        await new Promise((r) => setTimeout(r, POLL_MS));
        current = await api.invoke('profiles.importStatus', { token: current.token });
      }
      if (!alive.current) return;
      setState({ step: 'job', job: current });
      if (current.phase === 'applied') {
        await qc.invalidateQueries({ queryKey: directoryAdminKeys.collection('profiles') });
        await qc.invalidateQueries({ queryKey: syncKeys.directory() });
      }
    },
    [api, qc],
  );

  const run = useCallback(async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (alive.current) setState({ step: 'error', error: toAppError(err) });
    }
  }, []);

  const start = useCallback(
    (bytes: Uint8Array, format: SheetFormat) =>
      run(async () => {
        const b64 = bytesToBase64(bytes);
        const uploadId = `up-${crypto.randomUUID()}`;
        const total = Math.max(1, Math.ceil(b64.length / IMPORT_CHUNK_CHARS));
        for (let i = 0; i < total; i++) {
          setState({ step: 'uploading', sent: i, total });
          const data = b64.slice(i * IMPORT_CHUNK_CHARS, (i + 1) * IMPORT_CHUNK_CHARS);
          await api.invoke('profiles.importChunk', { uploadId, index: i, data });
        }
        await poll(await api.invoke('profiles.importStart', { uploadId, siteId, format }));
      }),
    [api, poll, run, siteId],
  );

  const apply = useCallback(
    (token: string, skipFailedRows: boolean) =>
      run(async () => poll(await api.invoke('profiles.importApply', { token, skipFailedRows }))),
    [api, poll, run],
  );

  return { state, start, apply, reset: () => setState({ step: 'idle' }) };
}
