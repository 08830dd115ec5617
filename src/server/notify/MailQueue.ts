/**
 * A durable mail queue (table `mail_queue`, migration 0014) for messages that must reach their reader
 * even when the mail server is down for a while or this server restarts: the security notices (a
 * password or two-step sign-in changed; mfa/securityNotice.ts). Never an SMS code or another secret:
 * those are sent while their request waits and are never stored.
 *
 * `enqueue` stores a message and starts sending it at once; the request that queued it does not wait
 * for the mail server. A failed send is logged (its error code, never the server's reply or the text)
 * and tried again after 1, 5 and 15 minutes, then hourly, for 24 hours; then it is given up, logged as
 * such. A timer (`start`, from `serve`) sends what is due and what a stopped process left behind. Every
 * process sharing the database sends from the one queue: a message is claimed with one conditional
 * update before it is sent, so two processes never send it twice. Sent messages are deleted after 7 days.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/index.js';
import type { Database, MailQueueTable } from '../db/schema.js';
import type { MailMessage, Mailer } from './Mailer.js';

export interface MailQueueLog {
  error(context: object, message: string): void;
}

/** Waits before the 1st, 2nd, 3rd… retry; the last one repeats. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** How long a claim holds a message: longer than a send can take (SMTP_TIMEOUTS: 10 + 10 + 30 s). */
const CLAIM_MS = 2 * 60_000;
const KEEP_SENT_MS = 7 * 24 * 60 * 60_000;
/** What sending a message reads of its row. */
const DUE_COLUMNS = ['id', 'kind', 'recipients', 'subject', 'body', 'created_at', 'attempts'] as const;
/** Messages claimed per query; a full batch means more may be due (another round follows). */
const BATCH = 20;

export class MailQueue {
  /** Where failures go; app.ts points it at the server log. */
  log: MailQueueLog = { error: (context, message) => console.error(message, context) };
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The timer's last purge (`stop` waits for it: the database may close next). */
  private purging: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer,
    private readonly now: () => number,
    private readonly intervalMs = 30_000,
  ) {}

  /** Stores `message` (resolves once it is stored) and starts sending it. `kind` names it in the log. */
  async enqueue(kind: string, message: MailMessage): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('mail_queue')
      .values({
        id: randomUUID(),
        kind,
        recipients: JSON.stringify(message.to),
        subject: message.subject,
        body: message.text,
        created_at: now,
        attempts: 0,
        next_attempt_at: now,
        claimed_until: null,
        sent_at: null,
        gave_up_at: null,
        last_error: null,
      })
      .execute();
    this.kick();
  }

  /** Sends what is due, now and then every `intervalMs` (`serve`), and deletes old sent messages. */
  start(): void {
    if (this.timer) return;
    const tick = () => (this.kick(), this.purge());
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Stops the timer and waits for the messages being sent, for `graceMs` at most: a black-holed mail
   * server must not hold a shutdown. A message still being sent then stays claimed for two minutes
   * and is sent by whichever process takes it next (it may then go twice: at least once, never lost).
   */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.race([Promise.all([this.idle(), this.purging]), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  /** Resolves once no send is under way in this process (tests read the outbox after it). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining.catch(() => undefined);
  }

  /**
   * Sends every message due now. Concurrent calls share one run; a call during a run (a message just
   * queued) makes it go round once more, so nothing queued meanwhile waits for the timer.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    const run = (async () => {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again);
    })();
    this.draining = run.finally(() => (this.draining = null));
    return this.draining;
  }

  private kick(): void {
    this.drain().catch((err: unknown) =>
      this.log.error({ err }, 'the mail queue could not be read; queued e-mails are tried again shortly'),
    );
  }

  private async sendDue(): Promise<void> {
    const now = this.now();
    const due = await this.db
      .selectFrom('mail_queue')
      .select(DUE_COLUMNS)
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    for (const row of due) {
      const claimed = await this.db
        .updateTable('mail_queue')
        .set({ claimed_until: now + CLAIM_MS })
        .where('id', '=', row.id)
        .where('sent_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another process has it
      await this.send(row);
    }
    if (due.length === BATCH) this.again = true;
  }

  /** Deletes the messages sent more than 7 days ago: housekeeping, on the timer only (not per message). */
  private purge(): void {
    this.purging = this.db
      .deleteFrom('mail_queue')
      .where('sent_at', '<', this.now() - KEEP_SENT_MS)
      .execute()
      .then(
        () => undefined,
        (err: unknown) =>
          this.log.error(
            { err },
            'the mail queue could not delete the messages sent over 7 days ago; it tries again shortly',
          ),
      );
  }

  private async send(row: Pick<MailQueueTable, (typeof DUE_COLUMNS)[number]>): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      await this.mailer.send({
        to: JSON.parse(row.recipients) as MailMessage['to'],
        subject: row.subject,
        text: row.body,
      });
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal';
      const now = this.now();
      const giveUp = now - Number(row.created_at) >= GIVE_UP_AFTER_MS;
      const retryAt = now + RETRY_AFTER_MS[Math.min(attempts, RETRY_AFTER_MS.length) - 1]!;
      await this.db
        .updateTable('mail_queue')
        .set({
          attempts,
          last_error: code,
          claimed_until: null,
          next_attempt_at: retryAt,
          gave_up_at: giveUp ? now : null,
        })
        .where('id', '=', row.id)
        .execute();
      this.log.error(
        { kind: row.kind, attempts, err: code, ...(giveUp ? {} : { retryAt: new Date(retryAt).toISOString() }) },
        giveUp
          ? 'gave up e-mailing the user after 24 hours of failed sends; check the SMTP settings'
          : 'could not e-mail the user; the message stays queued and is tried again',
      );
      return;
    }
    await this.db
      .updateTable('mail_queue')
      .set({ attempts, sent_at: this.now(), claimed_until: null, last_error: null })
      .where('id', '=', row.id)
      .execute();
  }
}
