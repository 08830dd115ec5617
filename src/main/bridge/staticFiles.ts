/**
 * Serves the built renderer (out/renderer) read-only. Paths are resolved inside the root and
 * anything outside it is a 404; unknown paths fall back to index.html (hash routes need none).
 * A path that does not decode (bad percent-encoding, NUL) is a bad request, never an exception:
 * this runs before any token check, so anything on the machine — a web page's `<img>` included —
 * can send it.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export type StaticResult =
  { kind: 'file'; body: Buffer; type: string } | { kind: 'not_found' } | { kind: 'bad_request'; message: string };

/** The URL's path, percent-decoded; undefined when it does not decode or holds a NUL byte. */
export function decodeUrlPath(url: string): string | undefined {
  try {
    const path = decodeURIComponent(url.split('?')[0] ?? '/');
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

async function readOrUndefined(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined; // missing or unreadable: the caller answers 404
  }
}

export async function readStatic(root: string, urlPath: string): Promise<StaticResult> {
  const decoded = decodeUrlPath(urlPath);
  if (decoded === undefined) {
    return {
      kind: 'bad_request',
      message: 'The URL path is not valid percent-encoding. Open the link Callsign printed.',
    };
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, rel || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return { kind: 'not_found' };
  const body = await readOrUndefined(file);
  if (body) return { kind: 'file', body, type: TYPES[extname(file)] ?? 'application/octet-stream' };
  if (extname(rel)) return { kind: 'not_found' };
  const index = await readOrUndefined(join(root, 'index.html'));
  return index ? { kind: 'file', body: index, type: TYPES['.html']! } : { kind: 'not_found' };
}
