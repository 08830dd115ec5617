/**
 * A pino JSON line as one sentence for a person at a terminal ("Callsign server error: … (cause)").
 * The server (`serve --log-file`) and the web bridge print their warnings and errors this way; the
 * JSON stays in the log file for tools. Pure, so both layers share it.
 */
const LEVEL_NAMES: Record<number, string> = { 30: 'note', 40: 'warning', 50: 'error', 60: 'fatal error' };

export function humanLine(jsonLine: string, source = 'Callsign server'): string {
  try {
    const entry = JSON.parse(jsonLine) as { level?: number; msg?: string; err?: unknown };
    const what = LEVEL_NAMES[entry.level ?? 0] ?? 'message';
    const errMessage =
      typeof entry.err === 'string' ? entry.err : (entry.err as { message?: string } | undefined)?.message;
    const cause = errMessage && errMessage !== entry.msg ? ` (${errMessage})` : '';
    return `${source} ${what}: ${entry.msg ?? ''}${cause}\n`;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
}
