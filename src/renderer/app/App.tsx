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
  if (session.isPending) return <Splash />;
  const status = session.data;
  if (!status?.signedIn || !status.user) return <SignInPage serverUrl={status?.serverUrl ?? ''} />;
  return <SignedInRouter user={status.user} />;
}
