/**
 * `callsign lookup <phone|email>`: hands the query to the running app (Electron or web bridge) over
 * the control socket in the data folder.
 */
import { controlSocketPath, sendToRunningApp } from '../services/controlSocket.js';

const USAGE = 'Usage: callsign lookup <phone number or email>   e.g. callsign lookup +12065550101';

export async function runCli(argv: string[], dataDir: string): Promise<{ code: number; message: string }> {
  const [command, ...rest] = argv;
  if (command !== 'lookup' || rest.length === 0) return { code: 2, message: USAGE };
  const value = rest.join(' ').trim();
  const param = value.includes('@') ? 'email' : 'phone';
  try {
    const r = await sendToRunningApp(
      controlSocketPath(dataDir),
      `callsign://lookup?${param}=${encodeURIComponent(value)}`,
    );
    return r.ok
      ? { code: 0, message: `Sent to Callsign: ${param} ${value}` }
      : { code: 2, message: r.message ?? 'Refused.' };
  } catch (err) {
    return { code: 1, message: (err as Error).message };
  }
}
