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

export function useRemoteWipe(errorCode?: string) {
  const { api, db } = useServices();
  useEffect(
    () =>
      api.on('session.wiped', () => {
        void wipeCache(db, (hash) => {
          location.hash = hash;
          location.reload();
        });
      }),
    [api, db],
  );
  useEffect(() => {
    if (errorCode === 'device_revoked') {
      void wipeCache(db, (hash) => {
        location.hash = hash;
        location.reload();
      });
    }
  }, [errorCode, db]);
}
