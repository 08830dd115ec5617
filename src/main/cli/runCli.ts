/**
 * `callsign lookup [--country GB] <phone|email|text>`: hands the query to the running app (Electron
 * or web bridge) over the control socket in the data folder. Text with more than one number (a
 * pasted signature) is sent as `text=`, so the app finds every number in it.
 */
import { cleanPhoneText } from '../../shared/phone/cleanPhoneText.js';
import { supportedCountry } from '../../shared/phone/normalizePhone.js';
import { controlSocketPath, sendToRunningApp } from '../services/controlSocket.js';

const USAGE =
  'Usage: callsign lookup [--country CC] <phone number, email or text>   e.g. callsign lookup --country GB 020 7946 0958';

/** Splits `--country GB` / `--country=GB` off the arguments. */
function options(args: string[]): { country?: string; rest: string[]; error?: string } {
  const rest: string[] = [];
  let country: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--country=(.*)$/.exec(arg);
    if (arg !== '--country' && !inline) {
      rest.push(arg);
      continue;
    }
    const value = inline ? inline[1]! : args[++i];
    const code = supportedCountry(value);
    if (!code) return { rest, error: `--country must be a two-letter ISO country code such as GB, DE or US. ${USAGE}` };
    country = code;
  }
  return { ...(country ? { country } : {}), rest };
}

export async function runCli(argv: string[], dataDir: string): Promise<{ code: number; message: string }> {
  const [command, ...args] = argv;
  if (command !== 'lookup') return { code: 2, message: USAGE };
  const { country, rest, error } = options(args);
  if (error) return { code: 2, message: error };
  if (rest.length === 0) return { code: 2, message: USAGE };
  const value = rest.join(' ').trim();
  const param = cleanPhoneText(value).ok ? 'phone' : value.includes('@') && !/\s/.test(value) ? 'email' : 'text';
  const query = `${param}=${encodeURIComponent(value)}${country ? `&country=${country}` : ''}`;
  try {
    const r = await sendToRunningApp(controlSocketPath(dataDir), `callsign://lookup?${query}`);
    return r.ok
      ? { code: 0, message: `Sent to Callsign: ${param} ${value}${country ? ` (country ${country})` : ''}` }
      : { code: 2, message: r.message ?? 'Refused.' };
  } catch (err) {
    return { code: 1, message: (err as Error).message };
  }
}
