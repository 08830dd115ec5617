import { useSessionStatus } from '../session/useSessionStatus.js';

/** The signed-in technician's first name, for the greeting ("…, this is Tess."). */
export function useTechnicianFirstName(): string {
  const session = useSessionStatus();
  return session.data?.user?.name.split(/\s+/)[0] ?? '';
}
