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

  it('passes --country and sends text holding several numbers as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-cli-'));
    const seen: DeepLink[] = [];
    const server = await startControlServer(controlSocketPath(dir), (l) => seen.push(l));
    expect(await runCli(['lookup', '--country', 'gb', '020', '7946', '0958'], dir)).toMatchObject({
      code: 0,
      message: expect.stringContaining('country GB'),
    });
    expect((await runCli(['lookup', '--country=DE', 'Tel 09422 1000 · Fax 09422 805000'], dir)).code).toBe(0);
    expect((await runCli(['lookup', 'sip:+12065550101@pbx.example.com'], dir)).code).toBe(0);
    server.close();
    expect(seen).toEqual([
      { kind: 'lookup', phone: '020 7946 0958', country: 'GB' },
      { kind: 'lookup', text: 'Tel 09422 1000 · Fax 09422 805000', country: 'DE' },
      { kind: 'lookup', phone: 'sip:+12065550101@pbx.example.com' },
    ]);
  });

  it('refuses a country that is not an ISO code, before contacting the app', async () => {
    for (const args of [['--country', 'Germany', '030 1234567'], ['--country'], ['--country=ZZ', '1']])
      expect(await runCli(['lookup', ...args], '/nowhere')).toMatchObject({
        code: 2,
        message: expect.stringContaining('two-letter ISO country code'),
      });
  });

  it('says the app is not running', async () => {
    expect(await runCli(['lookup', '+12065550101'], mkdtempSync(join(tmpdir(), 'cs-cli-')))).toMatchObject({
      code: 1,
      message: expect.stringContaining("isn't running"),
    });
  });
});
