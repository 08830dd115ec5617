/**
 * When the next SMS code to one person can go: the server allows SMS_SENDS_PER_PERSON.max codes per
 * person in a sliding window, so after the third send the wizard stops offering "send a new code"
 * and offers the way forward with the time left (UX.md principle 11) instead of a dead button.
 */
import { SMS_SENDS_PER_PERSON } from '../../../shared/api/approvals.js';

export interface SendWindow {
  /** Codes that may still go now. */
  left: number;
  /** Epoch ms when the next code may go; null while one may go now. */
  nextAt: number | null;
}

export function smsSendWindow(
  sentAt: readonly number[],
  now: number,
  /** Set when the server refused a send (429): no code before this, whatever the local count says. */
  refusedUntil: number | null = null,
  limit: { max: number; windowMs: number } = SMS_SENDS_PER_PERSON,
): SendWindow {
  const recent = sentAt.filter((at) => at > now - limit.windowMs).sort((a, b) => a - b);
  const left = Math.max(0, limit.max - recent.length);
  const byCount = left > 0 ? null : recent[recent.length - limit.max]! + limit.windowMs;
  const byServer = refusedUntil !== null && refusedUntil > now ? refusedUntil : null;
  const nextAt = byCount === null ? byServer : byServer === null ? byCount : Math.max(byCount, byServer);
  return { left: nextAt === null ? left : 0, nextAt };
}

/** "4:05": minutes and seconds until `at`. */
export function waitText(at: number, now: number): string {
  const s = Math.max(0, Math.ceil((at - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
