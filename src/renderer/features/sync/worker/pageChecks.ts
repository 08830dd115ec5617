/**
 * The sync worker's side of the page check worker (pageCheck.ts): each page's text is sent to be
 * validated as soon as it arrives (pulled, or handed over by the window), so the check of the next
 * page runs while this one is written; the write then awaits its page.
 *
 * Without a check worker (a runtime without nested workers, a script that failed to load, a worker
 * that died), pages come back as the text itself and the writer validates them in-thread as before:
 * slower, never unchecked. That is logged once with the reason.
 */
import { AppError } from '../../../../shared/api/errors.js';
import type { SyncPage } from '../../../../shared/api/sync.js';
import { CheckedSyncPage } from '../../../db/checkedSyncPage.js';
import type { CheckReply, CheckRequest } from './pageCheck.js';

/** The part of a DOM Worker used here, so tests can pass a fake. */
export interface CheckWorkerLike {
  postMessage(message: CheckRequest): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (ev: { message?: string }) => void): void;
  terminate(): void;
}

interface Pending {
  text: string;
  resolve: (page: CheckedSyncPage | string) => void;
  reject: (err: unknown) => void;
}

export interface PageChecks {
  /**
   * The page to write for `text`: a CheckedSyncPage once the check worker has validated it, or the
   * text itself when there is no check worker (the writer validates it). Rejects with the AppError
   * naming the bad field.
   */
  check(text: string): Promise<CheckedSyncPage | string>;
}

export function createPageChecks(spawn: () => CheckWorkerLike | undefined): PageChecks {
  let worker: CheckWorkerLike | undefined;
  let gone = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const lose = (reason: string) => {
    if (gone) return;
    gone = true;
    console.warn(`Callsign: the page check worker is unavailable (${reason}); the sync worker validates pages itself`);
    worker?.terminate();
    for (const p of pending.values()) p.resolve(p.text);
    pending.clear();
  };

  const start = (): CheckWorkerLike | undefined => {
    if (gone) return undefined;
    if (worker) return worker;
    try {
      worker = spawn();
    } catch (err) {
      lose(String(err));
      return undefined;
    }
    if (!worker) {
      lose('this runtime cannot start one');
      return undefined;
    }
    worker.addEventListener('error', (ev) => lose(ev.message ?? 'it failed to start'));
    worker.addEventListener('message', (ev) => {
      const reply = ev.data as CheckReply;
      const p = pending.get(reply.id);
      if (!p) {
        if (!reply.ok) console.warn('Callsign: the page check worker refused a message', reply.error);
        return;
      }
      pending.delete(reply.id);
      // The text is JSON.stringify of what SyncPage parsed, in this app's own worker: parsed as is.
      if (reply.ok) p.resolve(new CheckedSyncPage(JSON.parse(reply.text) as SyncPage));
      else p.reject(new AppError(reply.error.code, reply.error.message, reply.error.field));
    });
    return worker;
  };

  return {
    check(text) {
      const w = start();
      if (!w) return Promise.resolve(text);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { text, resolve, reject });
        try {
          w.postMessage({ id, text });
        } catch (err) {
          lose(String(err));
        }
      });
    },
  };
}

/** The page check worker, when this runtime can start a module worker from a worker; else undefined. */
export function startPageCheckWorker(): CheckWorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./pageCheck.worker.ts', import.meta.url), { type: 'module', name: 'callsign-sync-check' });
}
