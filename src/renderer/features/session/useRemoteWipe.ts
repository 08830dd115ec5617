/**
 * Remote wipe: when an administrator revokes this device, main forgets the session and sends
 * `session.wiped` (and the failing call carries `device_revoked`). The renderer then deletes the
 * whole offline cache — directory, approvals outbox, favourites — and starts over at sign-in.
 */
import { useEffect } from 'react';
import { useServices } from '../../app/useServices.js';

export const WIPED_FLAG = 'wiped';

export async function wipeCache(db: { delete(): Promise<void> }, reload: (hash: string) => void) {
  await db.delete();
  reload(`#/?${WIPED_FLAG}=1`);
}

/** Deletes the cache, then reloads onto the sign-in screen with the "device was signed out" notice. */
function wipeAndReload(db: { delete(): Promise<void> }) {
  void wipeCache(db, (hash) => {
    location.hash = hash;
    location.reload();
  });
}

export function useRemoteWipe(errorCode?: string) {
  const { api, db } = useServices();
  useEffect(() => api.on('session.wiped', () => wipeAndReload(db)), [api, db]);
  useEffect(() => {
    if (errorCode === 'device_revoked') wipeAndReload(db);
  }, [errorCode, db]);
}
