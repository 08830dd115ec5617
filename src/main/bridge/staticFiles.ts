/**
 * Serves the built renderer (out/renderer) read-only. Paths are resolved inside the root and
 * anything outside it is a 404; unknown paths fall back to index.html (hash routes need none).
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

export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  const rel = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
  const file = join(root, rel || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return undefined;
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    if (extname(rel)) return undefined;
    return { body: await readFile(join(root, 'index.html')), type: TYPES['.html']! };
  }
}
