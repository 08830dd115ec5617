import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import {
  controlSocketPath,
  sendToRunningApp,
  startControlServer,
  startControlServerReported,
} from './controlSocket.js';
import type { DeepLink } from '../../shared/deeplink/parseDeepLink.js';

let server: Server | undefined;
afterEach(() => server?.close());

describe('control socket', () => {
  it('hands a lookup link to the running app and refuses anything else', async () => {
    const path = controlSocketPath(mkdtempSync(join(tmpdir(), 'cs-ctl-')));
    const seen: DeepLink[] = [];
    server = await startControlServer(path, (l) => seen.push(l));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await sendToRunningApp(path, 'callsign://lookup?phone=%2B12065550101')).toEqual({ ok: true });
    const bad = await sendToRunningApp(path, 'callsign://credentials?id=1');
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('can only look up');
    expect(seen).toEqual([{ kind: 'lookup', phone: '+12065550101' }]);
  });

  it('says how to start the app when it is not running', async () => {
    const path = controlSocketPath(mkdtempSync(join(tmpdir(), 'cs-ctl-')));
    await expect(sendToRunningApp(path, 'callsign://lookup?phone=1')).rejects.toThrow('npm start');
  });
});

describe('control socket that cannot start', () => {
  it('logs why with the socket path, tells the user screen pops are off, and resolves without a server', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const notices: string[] = [];
    const path = join(mkdtempSync(join(tmpdir(), 'cs-ctl-')), 'no-such-folder', 'callsign.sock');
    const started = await startControlServerReported(
      path,
      () => {},
      (message) => notices.push(message),
    );
    expect(started).toBeUndefined();
    expect(notices).toEqual([expect.stringMatching(/Screen pops .* will not reach this window/)]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining(path), expect.objectContaining({ syscall: 'listen' }));
    error.mockRestore();
  });
});
