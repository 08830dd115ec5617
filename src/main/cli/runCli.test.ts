import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.js';
import { controlSocketPath, startControlServer } from '../services/controlSocket.js';
import type { DeepLink } from '../../shared/deeplink/parseDeepLink.js';

describe('callsign CLI', () => {
  it('prints usage for anything but lookup', async () => {
    expect(await runCli([], '/nowhere')).toMatchObject({ code: 2, message: expect.stringContaining('Usage') });
    expect(await runCli(['open', 'x'], '/nowhere')).toMatchObject({ code: 2 });
  });

  it('hands phone and email lookups to the running app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-cli-'));
    const seen: DeepLink[] = [];
    const server = await startControlServer(controlSocketPath(dir), (l) => seen.push(l));
    expect((await runCli(['lookup', '+1', '206', '555', '0101'], dir)).code).toBe(0);
    expect((await runCli(['lookup', 'dana.reyes@northwindtraders.com'], dir)).code).toBe(0);
    server.close();
    expect(seen).toEqual([
      { kind: 'lookup', phone: '+1 206 555 0101' },
      { kind: 'lookup', email: 'dana.reyes@northwindtraders.com' },
    ]);
  });

  it('says the app is not running', async () => {
    expect(await runCli(['lookup', '+12065550101'], mkdtempSync(join(tmpdir(), 'cs-cli-')))).toMatchObject({
      code: 1,
      message: expect.stringContaining("isn't running"),
    });
  });
});
