import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStatic } from './staticFiles.js';

const root = mkdtempSync(join(tmpdir(), 'cs-static-'));
writeFileSync(join(root, 'index.html'), '<html>callsign</html>');
writeFileSync(join(root, 'app.js'), 'x');

describe('readStatic', () => {
  it('serves files inside the root and index.html for extensionless paths', async () => {
    expect(await readStatic(root, '/app.js?v=1')).toMatchObject({
      kind: 'file',
      type: expect.stringContaining('javascript'),
    });
    expect(await readStatic(root, '/lookup')).toMatchObject({ kind: 'file', type: expect.stringContaining('html') });
    expect(await readStatic(root, '/missing.js')).toEqual({ kind: 'not_found' });
    expect(await readStatic(root, '/..%2f..%2fetc%2fpasswd.txt')).toEqual({ kind: 'not_found' });
  });

  it('answers a malformed percent-encoding or a NUL byte with bad_request, not an exception', async () => {
    for (const url of ['/%E0%A4%A', '/%', '/%zz', '/a%00b', '/%C0%AF', '/%ED%A0%80', '%']) {
      expect(await readStatic(root, url), url).toMatchObject({
        kind: 'bad_request',
        message: expect.stringContaining('path'),
      });
    }
  });

  it('answers not_found, not an exception, when the renderer folder is missing', async () => {
    expect(await readStatic(join(root, 'no-such-folder'), '/')).toEqual({ kind: 'not_found' });
  });
});
