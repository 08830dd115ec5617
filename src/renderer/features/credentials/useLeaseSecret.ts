/**
 * What the lease panel shows of a secret, and for how long. SECRET: the password (or its read-back)
 * is held in this hook's React state only — never a query cache (the mutations are reset as soon as
 * their result is taken), storage, the URL or a log — and hidden again after REVEAL_MS. `forget()`
 * drops it at once (window over, checked in, lease wiped); unmounting the dialog drops it too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/api/errors.js';
import { toAppError } from '../../app/toAppError.js';
import { copyWithClear, type ClearHandle } from './browserClipboard.js';
import { useSecretAction } from './mutations.js';

export const REVEAL_MS = 15_000;

export type Shown = { kind: 'secret'; secret: string } | { kind: 'readBack'; groups: string[][] } | null;

export function useLeaseSecret(leaseId: string) {
  const reveal = useSecretAction('credentials.reveal');
  const readBack = useSecretAction('credentials.readBack');
  const copy = useSecretAction('credentials.copy');
  const [shown, setShown] = useState<Shown>(null);
  const [copied, setCopied] = useState<{ via: 'main' | 'renderer'; seconds: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const browserCopy = useRef<ClearHandle | undefined>(undefined);

  useEffect(() => {
    if (!shown) return;
    const id = setTimeout(() => setShown(null), REVEAL_MS);
    return () => clearTimeout(id);
  }, [shown]);

  const forget = useCallback(() => {
    setShown(null);
    setCopied(null);
    void browserCopy.current?.clearNow();
  }, []);

  const run = <T>(m: { mutateAsync: (id: string) => Promise<T>; reset: () => void }, take: (r: T) => void) => {
    setError(null);
    m.mutateAsync(leaseId).then(
      (r) => (take(r), m.reset()),
      (err: unknown) => (setError(toAppError(err)), m.reset()),
    );
  };

  return {
    shown,
    copied,
    error,
    busy: reveal.isPending || readBack.isPending || copy.isPending,
    reveal: () => run(reveal, ({ secret }) => setShown({ kind: 'secret', secret })),
    readBack: () => run(readBack, ({ groups }) => setShown({ kind: 'readBack', groups })),
    hide: () => setShown(null),
    copy: () =>
      run(copy, (r) => {
        if (r.via === 'main') return setCopied({ via: 'main', seconds: r.clearAfterSeconds });
        // Web bridge: main has no OS clipboard; this page writes and clears the browser's (README).
        void copyWithClear(navigator.clipboard, r.secret, r.clearAfterSeconds, (message, err) => {
          console.error(`credentials: ${message}`, err instanceof Error ? err.name : 'error');
          setError(toAppError({ code: 'clipboard', message }));
        }).then(
          (handle) => {
            void browserCopy.current?.clearNow();
            browserCopy.current = handle;
            setCopied({ via: 'renderer', seconds: r.clearAfterSeconds });
          },
          (err: unknown) => {
            console.error('credentials: browser clipboard write refused', err instanceof Error ? err.name : 'error');
            setError(
              toAppError({ code: 'clipboard', message: 'The browser refused the clipboard. Use Reveal instead.' }),
            );
          },
        );
      }),
    forget,
  };
}
