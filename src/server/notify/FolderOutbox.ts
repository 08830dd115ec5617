/**
 * DEMO ONLY: a Mailer that writes each message into a folder instead of sending it, so the demo
 * workspace can "receive" SMS codes and escalation emails without a phone or a mail server.
 *
 * Stored in `<dataDir>/outbox/`, kept until the demo workspace is deleted: per message
 * `<id>.eml` (the real RFC 5322 message built by nodemailer's stream transport) and `<id>.json`
 * (`OutboxMessage`, what `GET /v1/outbox` lists). These files contain SMS codes in plain text —
 * acceptable only because demo codes protect nothing; never use this outside the demo workspace.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { DEFAULT_FROM, type MailMessage, type Mailer } from './Mailer.js';

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

const ID = /^\d{13}-\d{6}-[0-9a-f]{8}\.json$/;

export class FolderOutbox implements Mailer {
  private sent = 0;
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
    private readonly from = DEFAULT_FROM,
  ) {}

  async send(message: MailMessage): Promise<{ id: string }> {
    const sentAt = this.now();
    // Time, then a per-process counter, so file names sort by sending order.
    const id = `${String(sentAt).padStart(13, '0')}-${String(this.sent++ % 1e6).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
    const info = await this.transport.sendMail({
      from: this.from,
      ...message,
      date: new Date(sentAt),
      messageId: `<${id}@callsign.demo>`,
    });
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(join(this.dir, `${id}.eml`), info.message as Buffer, { mode: 0o600 });
    const entry: OutboxMessage = {
      id,
      to: [message.to].flat(),
      subject: message.subject,
      text: message.text,
      sentAt: new Date(sentAt).toISOString(),
    };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(entry), { mode: 0o600 });
    return { id };
  }

  /** The newest messages first. */
  async list(limit = 50): Promise<OutboxMessage[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const newest = names
      .filter((n) => ID.test(n))
      .sort()
      .reverse()
      .slice(0, limit);
    const out: OutboxMessage[] = [];
    for (const name of newest) {
      const parsed = OutboxMessage.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }
}
