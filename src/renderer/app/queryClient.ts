/** The TanStack Query client. Window focus (not only tab visibility) counts as "focused". */
import { focusManager, QueryClient } from '@tanstack/react-query';
import type { AppError } from '../../shared/api/errors.js';

declare module '@tanstack/react-query' {
  interface Register {
    /** Query and mutation functions throw AppError (see toAppError). */
    defaultError: AppError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, networkMode: 'always', refetchOnWindowFocus: false },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** Makes `refetchOnWindowFocus` react to the window's focus event as well. */
export function listenToWindowFocus(win: Window): void {
  focusManager.setEventListener((handleFocus) => {
    const onVisibility = () => handleFocus(win.document.visibilityState === 'visible');
    const onFocus = () => handleFocus(true);
    win.addEventListener('focus', onFocus);
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.removeEventListener('focus', onFocus);
      win.document.removeEventListener('visibilitychange', onVisibility);
    };
  });
}
