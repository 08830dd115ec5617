/**
 * Sync resumes from its checkpoint (issue 12): the first sync of a directory of several pages is cut
 * off by stopping the server once some pages are in the cache; the desktop says it is waiting, and
 * when the server is back it pulls on from the checkpoint (the `since` of every later pull, read from
 * the bridge WebSocket frames the page sends), never from seq 0 again.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../scripts/processes.js';
import { test, expect } from './support/fixtures.js';

async function cachedSeq(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('callsign-cache');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('meta')) return (db.close(), 0);
    const row = await new Promise<{ value?: number } | undefined>((res) => {
      const r = db.transaction('meta').objectStore('meta').get('syncSeq');
      r.onsuccess = () => res(r.result as never);
      r.onerror = () => res(undefined);
    });
    db.close();
    return row?.value ?? 0;
  });
}

// Stopping the server (SIGTERM) lets it finish the page in flight and answer 503 to a pull that arrives
// while it closes; that pull must be waited out like a refused connection (it once failed the run at
// once: "Offline — no data yet" and no waiting state, about 1 run in 3).
test('a sync interrupted by stopping the server resumes from its checkpoint when the server is back', async ({
  page,
  app,
  workspace,
}) => {
  test.setTimeout(300_000);
  // The demo directory fits in one page: 30,000 generated profiles on top make it several.
  await workspace.stopServer();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli/main.ts', 'generate', '--data-dir', join(workspace.dir, 'server')].concat([
      '--sites',
      '300',
      '--profiles',
      '30000',
      '--references',
      '0',
      '--seed',
      'resume',
    ]),
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await workspace.startServer();

  const pulls: number[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      const m = JSON.parse(String(frame.payload)) as { channel?: string; payload?: { since?: number } };
      if (m.channel?.startsWith('sync.pull')) pulls.push(m.payload!.since!);
    }),
  );
  // The sync's own account of the drop (warnings and errors), for a failure's report.
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') console.log(`page ${m.type()}: ${m.text().slice(0, 300)}`);
  });
  await page.goto(workspace.url);
  await app.signIn();
  await expect(page.getByTestId('sync-progress')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => cachedSeq(page), { timeout: 120_000, intervals: [100] }).toBeGreaterThan(0);
  await workspace.stopServer();

  await expect(page.getByTestId('sync-waiting')).toBeVisible({ timeout: 60_000 });
  // A page pulled just before the stop may still be written; then the cache holds still, at the
  // cursor the sync keeps asking for: its checkpoint.
  await expect.poll(async () => (await cachedSeq(page)) === pulls.at(-1), { timeout: 60_000 }).toBe(true);
  const checkpoint = await cachedSeq(page);
  expect(checkpoint).toBeGreaterThan(0);
  const pullsBefore = pulls.length;
  await workspace.startServer();

  await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 180_000 });
  const after = pulls.slice(pullsBefore);
  expect(after.length).toBeGreaterThan(0);
  expect(after[0]).toBe(checkpoint);
  expect(after.every((since) => since >= checkpoint)).toBe(true);
  expect(pulls.filter((since) => since === 0)).toHaveLength(1); // only the very first pull started at 0
  // The whole directory arrived: a generated number and the demo's own fixture both identify.
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('lookup-result').first().getByTestId('site-name')).toHaveText(
    'Northwind Traders — Seattle',
  );
});
