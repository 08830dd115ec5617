import { useDeferredValue, useRef } from 'react';
import { SignInPage } from '../features/session/SignInPage.js';
import { useSessionStatus } from '../features/session/useSessionStatus.js';
import { SignedInRouter } from './SignedInRouter.js';
import { Splash } from './Splash.js';
import { useApplyLanguage } from './i18n/useApplyLanguage.js';
import { useApplyThemeMode } from './useApplyThemeMode.js';

/** Signed out → sign-in screen; signed in → the shell. Main decides which (the renderer has no token). */
export function App() {
  useApplyThemeMode();
  useApplyLanguage();
  const session = useSessionStatus();
  const status = session.data;
  const user = status?.signedIn ? status.user : undefined;
  // The shell's first render after signing in is a 130–170 ms task when done at once (the session
  // comes from a store read with useSyncExternalStore, which renders synchronously; bench:lookup
  // trace): deferred, React renders it in slices while the sign-in screen stays. Only after the
  // sign-in screen: a start with a session goes from the splash to the shell at once (warm start), and
  // signing out shows the sign-in screen at once.
  const signInShown = useRef(false);
  // By id: a refetched session (a new object, the same user) renders nothing again.
  const shellUserId = useDeferredValue(signInShown.current ? user?.id : undefined);
  if (session.isPending) return <Splash />;
  if (!user || (signInShown.current && shellUserId !== user.id)) {
    signInShown.current = true;
    return <SignInPage serverUrl={status?.serverUrl ?? ''} />;
  }
  return <SignedInRouter user={user} />;
}
