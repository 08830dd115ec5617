/**
 * Anchors the audit chain's head (table `audit_anchor`, one row). The chain alone cannot tell a
 * consistently rewritten newest entry (new content, recomputed hash) from the real one, nor notice
 * removed newest entries. Every append also stores the new head's seq and hash and — when the
 * server has a key — an HMAC of both with the key's `audit-anchor` sub-key, in the same transaction.
 *
 * Verifying compares the chain's head with the anchor: with the key, someone with write access to
 * the database but not to the key file cannot forge a matching anchor. Without a key only the plain
 * head is kept, which catches careless edits only; `audit verify` prints the head hash so an
 * operator can keep it elsewhere (a ticket, a log host) and compare later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

const ANCHOR_ID = 'head';

export type AnchorCheck =
  /** No anchor yet: an empty log, or one written before anchors existed (the next append adds one). */
  | { state: 'none' }
  | { state: 'ok'; seq: number; hash: string; keyed: boolean }
  | { state: 'mismatch'; seq: number; reason: string };

export function anchorMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`callsign-audit-anchor:v1:${seq}:${hash}`).digest('base64');
}

export async function writeAnchor(
  trx: Transaction<Database>,
  head: { seq: number; hash: string },
  key: Buffer | undefined,
  at: number,
): Promise<void> {
  const row = { seq: head.seq, hash: head.hash, mac: key ? anchorMac(key, head.seq, head.hash) : null, at };
  await trx
    .insertInto('audit_anchor')
    .values({ id: ANCHOR_ID, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Compares the chain's actual head with the stored anchor (and its HMAC when `key` is given). */
export async function checkAnchor(
  db: Kysely<Database>,
  head: { seq: number; hash: string } | undefined,
  key: Buffer | undefined,
): Promise<AnchorCheck> {
  const anchor = await db.selectFrom('audit_anchor').selectAll().where('id', '=', ANCHOR_ID).executeTakeFirst();
  if (!anchor) return { state: 'none' };
  const seq = Number(anchor.seq);
  if (key) {
    if (anchor.mac === null)
      return {
        state: 'mismatch',
        seq,
        reason:
          'the anchor carries no HMAC although a key is configured (written without the key, or stripped); ' +
          'the next entry written with the key re-anchors the chain',
      };
    if (!sameText(anchor.mac, anchorMac(key, seq, anchor.hash)))
      return { state: 'mismatch', seq, reason: 'the anchor does not match its HMAC (altered, or a different key)' };
  }
  if (!head) return { state: 'mismatch', seq: 1, reason: `the anchor names entry #${seq} but the log is empty` };
  if (head.seq < seq)
    return {
      state: 'mismatch',
      seq: head.seq + 1,
      reason: `entries #${head.seq + 1}–#${seq} were removed (the anchor names #${seq})`,
    };
  if (head.seq > seq || !sameText(head.hash, anchor.hash))
    return {
      state: 'mismatch',
      seq: Math.min(head.seq, seq),
      reason: `entry #${Math.min(head.seq, seq)} does not match the anchored head hash`,
    };
  return { state: 'ok', seq, hash: anchor.hash, keyed: key !== undefined };
}
