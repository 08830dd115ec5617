/**
 * Restart with a full cache (issue 12): after a sync, the caller index's phone keys are in IndexedDB
 * at the cache's seq; a reload answers a phone lookup from them, before the type-ahead (names) index
 * is built, which follows.
 */
import { test, expect } from './support/fixtures.js';

test('a restart with a full cache answers a phone lookup without waiting for the type-ahead index', async ({
  page,
  app,
  workspace,
}) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  // The snapshot describes exactly the cached directory (same seq), so the next start can use it.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((res, rej) => {
          const r = indexedDB.open('callsign-cache');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const get = (store: string, key: string) =>
          new Promise<{ seq?: number; value?: number } | undefined>((res) => {
            const r = db.transaction(store).objectStore(store).get(key);
            r.onsuccess = () => res(r.result as never);
          });
        const [snapshot, meta] = [await get('indexSnapshots', 'caller'), await get('meta', 'syncSeq')];
        db.close();
        return snapshot !== undefined && snapshot.seq === meta?.value && (meta?.value ?? 0) > 0;
      }),
    )
    .toBe(true);

  await page.reload();
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('lookup-result').first().getByTestId('site-name')).toHaveText(
    'Northwind Traders — Seattle',
  );
  // The warm path was taken (the index restored from the snapshot, not rebuilt), and exact lookups
  // answered from it before the names index started to build; names followed.
  const restored = await page.evaluate(() => ({
    restore: performance.getEntriesByName('directory.restore').length,
    exactReady: performance.getEntriesByName('directory.exact-ready')[0]?.startTime,
  }));
  expect(restored.restore).toBe(1);
  expect(restored.exactReady).toBeDefined();
  const stages = await page.evaluate(() =>
    ['directory.exact', 'directory.names'].map((name) => {
      const e = performance.getEntriesByName(name)[0];
      return e ? { start: e.startTime, end: e.startTime + e.duration } : undefined;
    }),
  );
  expect(stages[0]).toBeDefined();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('directory.names').length)).toBe(1);
  const names = await page.evaluate(() => performance.getEntriesByName('directory.names')[0]!.startTime);
  expect(stages[0]!.end).toBeLessThanOrEqual(names);
  expect(restored.exactReady!).toBeLessThan(names);
  await expect(page.getByTestId('names-loading')).toHaveCount(0);
  // Names work once built: the type-ahead offers the person.
  await page.getByTestId('lookup-input').fill('Dana Re');
  await expect(page.getByText('Dana Reyes').first()).toBeVisible();
});
