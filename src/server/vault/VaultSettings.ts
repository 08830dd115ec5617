/**
 * Workspace vault settings (table `vault_settings`, one row `workspace`): the dynamic login window
 * (1–15 minutes, default 3) and the ticket-number format (a regular expression; null = the default
 * 1–32 letters, digits, `-#/`). Read on each check-out so a change applies to all server processes.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, DEFAULT_TICKET_PATTERN, parseOrThrow } from '../../shared/api/index.js';
import type { Database } from '../db/schema.js';

export const VaultSettingsInput = z
  .object({
    loginWindowMinutes: z.number().int().min(1).max(15),
    ticketPattern: z.string().min(1).max(200).nullable(),
  })
  .strict();
export type VaultSettingsInput = z.infer<typeof VaultSettingsInput>;

export const DEFAULT_LOGIN_WINDOW_MINUTES = 3;
const ROW = 'workspace';

export interface VaultPolicy {
  loginWindowMs: number;
  ticketPattern: RegExp;
  ticketPatternText: string | null;
}

export class VaultSettings {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async get(): Promise<VaultPolicy> {
    const row = await this.db.selectFrom('vault_settings').selectAll().where('id', '=', ROW).executeTakeFirst();
    const minutes = row?.login_window_minutes ?? DEFAULT_LOGIN_WINDOW_MINUTES;
    const text = row?.ticket_pattern ?? null;
    return {
      loginWindowMs: minutes * 60_000,
      ticketPattern: text ? new RegExp(text) : DEFAULT_TICKET_PATTERN,
      ticketPatternText: text,
    };
  }

  async set(raw: unknown): Promise<VaultSettingsInput> {
    const input = parseOrThrow(VaultSettingsInput, raw);
    if (input.ticketPattern !== null) {
      try {
        new RegExp(input.ticketPattern);
      } catch {
        throw new AppError(
          'bad_request',
          'ticketPattern: not a valid regular expression. Correct it.',
          'ticketPattern',
        );
      }
    }
    const values = {
      login_window_minutes: input.loginWindowMinutes,
      ticket_pattern: input.ticketPattern,
      updated_at: this.now(),
    };
    await this.db
      .insertInto('vault_settings')
      .values({ id: ROW, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    return input;
  }
}
