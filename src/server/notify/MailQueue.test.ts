/**
 * The durable mail queue on a real database (SQLite, or PostgreSQL in the `postgres` project): two
 * MailQueues on one database stand in for two server processes, a new one for a restarted server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/index.js';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';
import { openTestDatabase } from '../testing/testDatabase.js';
import type { MailMessage, Mailer } from './Mailer.js';
import { GIVE_UP_AFTER_MS, MailQueue, RETRY_AFTER_MS } from './MailQueue.js';

let database: AnyServerDatabase;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(() => database.close());

/** A mail server the test turns off and on; it keeps what it accepted (test helper). */
function mailServer() {
  const sent: MailMessage[] = [];
  let up = true;
  const mailer: Mailer = {
    async send(message) {
      await new Promise((r) => setTimeout(r, 1)); // an answer comes later, as from a socket
      if (!up) throw new AppError('unavailable', 'The mail server did not accept the message.');
      sent.push(message);
      return { id: String(sent.length) };
    },
  };
  return { mailer, sent, set up(v: boolean) { up = v; } }; // prettier-ignore
}

function queue(mailer: Mailer, clock: { now: number }) {
  const q = new MailQueue(database.db, mailer, () => clock.now);
  const logged: string[] = [];
  q.log = { error: (context, message) => logged.push(`${message} ${JSON.stringify(context)}`) };
  return { q, logged };
}

const notice = (n: number): MailMessage => ({ to: `person${n}@example.com`, subject: `Notice ${n}`, text: 'Hello' });

describe('MailQueue', () => {
  it('stores a message and sends it at once, once', async () => {
    const server = mailServer();
    const { q } = queue(server.mailer, { now: 1_000 });
    await q.enqueue('security_notice:password_changed', notice(1));
    await q.idle();
    expect(server.sent).toEqual([notice(1)]);
    await q.drain();
    expect(server.sent).toHaveLength(1);
  });

  it('keeps a message the mail server refused and sends it when it is back, on the retry schedule', async () => {
    const server = mailServer();
    server.up = false;
    const clock = { now: 1_000 };
    const { q, logged } = queue(server.mailer, clock);
    await q.enqueue('security_notice:totp_off', notice(1));
    await q.idle();
    expect(server.sent).toEqual([]);
    expect(logged).toEqual([expect.stringMatching(/could not e-mail the user.*"attempts":1.*"err":"unavailable"/)]);
    expect(logged[0]).not.toContain('person1@example.com'); // the log names the kind, never the reader
    server.up = true;
    clock.now += RETRY_AFTER_MS[0]! - 1;
    await q.drain();
    expect(server.sent).toEqual([]); // not due yet
    clock.now += 1;
    await q.drain();
    expect(server.sent).toEqual([notice(1)]);
  });

  it('gives up after 24 hours of failed sends, saying so', async () => {
    const server = mailServer();
    server.up = false;
    const clock = { now: 1_000 };
    const { q, logged } = queue(server.mailer, clock);
    await q.enqueue('security_notice:password_reset', notice(1));
    await q.idle();
    clock.now += GIVE_UP_AFTER_MS;
    await q.drain();
    expect(logged.at(-1)).toMatch(/gave up e-mailing the user after 24 hours/);
    server.up = true;
    clock.now += GIVE_UP_AFTER_MS;
    await q.drain();
    expect(server.sent).toEqual([]);
  });

  it('a restarted server sends what the stopped one had queued', async () => {
    const server = mailServer();
    server.up = false;
    const clock = { now: 1_000 };
    const before = queue(server.mailer, clock).q;
    await before.enqueue('security_notice:password_changed', notice(1));
    await before.stop();
    server.up = true;
    clock.now += RETRY_AFTER_MS[0]!;
    const after = queue(server.mailer, clock).q;
    after.start();
    await after.stop();
    expect(server.sent).toEqual([notice(1)]);
  });

  it('two processes draining one queue at once send every message exactly once', async () => {
    const server = mailServer();
    server.up = false;
    const clock = { now: 1_000 };
    const [a, b] = [queue(server.mailer, clock).q, queue(server.mailer, clock).q];
    for (let i = 0; i < 45; i++) await (i % 2 ? a : b).enqueue('security_notice:password_changed', notice(i));
    await Promise.all([a.idle(), b.idle()]);
    server.up = true;
    clock.now += RETRY_AFTER_MS[0]!;
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(server.sent.map((m) => m.subject).sort()).toEqual(
      Array.from({ length: 45 }, (_, i) => `Notice ${i}`).sort(),
    );
  });

  it('the timer deletes messages sent more than 7 days ago, and only those', async () => {
    const server = mailServer();
    const clock = { now: 1_000 };
    const { q } = queue(server.mailer, clock);
    await q.enqueue('security_notice:password_changed', notice(1));
    await q.idle();
    clock.now += 7 * 24 * 60 * 60_000 + 1; // the first one is now due for deletion
    await q.enqueue('security_notice:password_changed', notice(2));
    await q.idle();
    const stored = () => database.db.selectFrom('mail_queue').select('subject').execute();
    expect(await stored()).toHaveLength(2); // sending does not purge
    q.start();
    await q.stop(); // waits for the timer's purge too
    expect((await stored()).map((r) => r.subject)).toEqual(['Notice 2']);
    expect(server.sent).toEqual([notice(1), notice(2)]);
  });

  it('does not let a mail server that never answers hold a shutdown', async () => {
    const silent: Mailer = { send: () => new Promise(() => {}) };
    const { q } = queue(silent, { now: 1_000 });
    await q.enqueue('security_notice:password_changed', notice(1));
    const t0 = Date.now();
    await q.stop(50);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
