/**
 * The demo's server address survives restarts (issue 14, item 7). `npm start` passes the demo
 * server's address as CALLSIGN_DEMO_SERVER_URL; a server address typed once on this computer is kept
 * in settings. Here the demo comes back on another port (as it did before, when every start picked a
 * random one): the stored loopback address follows it, and the technician signs in without retyping.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, CallsignPage } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';
import { freePort, startTs } from '../scripts/processes.js';

const env = { CALLSIGN_DEMO_PASSWORD: DEMO_PASSWORD };

async function startDemo(dir: string, port: number) {
  const url = `http://127.0.0.1:${port}`;
  const server = await startTs(
    'src/server/cli/main.ts',
    ['serve', '--demo', '--port', String(port), '--data-dir', join(dir, 'server')],
    /listening on http/,
    { env },
  );
  const bridge = await startTs(
    'src/main/bridge/main.ts',
    ['--server-url', url, '--data-dir', join(dir, 'app'), '--port', '0'],
    /Callsign is running at (\S+)/,
    { env: { ...env, CALLSIGN_DEMO_SERVER_URL: url } },
  );
  return { children: [server.child, bridge.child], page: bridge.match[1]! };
}

const stop = (children: ChildProcess[]) =>
  Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) =>
          c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM')),
        ),
    ),
  );

test('a server address typed at the first start still signs in after the demo moved port', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'callsign-e2e-demo-url-'));
  try {
    const first = await startDemo(dir, await freePort());
    const context1 = await browser.newContext();
    const page1 = await context1.newPage();
    await page1.goto(first.page);
    // The technician types the demo's address by hand (stored in settings as they typed it).
    const serverField = page1.getByTestId('signin-server');
    const shown = await serverField.inputValue();
    expect(shown).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await serverField.fill(shown.replace('127.0.0.1', 'localhost'));
    await new CallsignPage(page1).signIn();
    await expect(page1.getByTestId('lookup-input')).toBeVisible({ timeout: 60_000 });
    await context1.close();
    await stop(first.children);

    const second = await startDemo(dir, await freePort());
    const context2 = await browser.newContext();
    const page2 = await context2.newPage();
    await page2.goto(second.page);
    await expect(page2.getByTestId('signin-server')).toHaveValue(/127\.0\.0\.1/);
    await new CallsignPage(page2).signIn();
    await expect(page2.getByTestId('lookup-input')).toBeVisible({ timeout: 60_000 });
    await context2.close();
    await stop(second.children);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
