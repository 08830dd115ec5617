/**
 * The checked-out secrets of this device, held **only in main-process memory**: a Map leaseId →
 * { secret, expiresAt, credentialId, timer }. Nothing here is written to disk, logged or sent to the
 * renderer unasked; the renderer gets a secret only through an explicit, audited Reveal, Read back or
 * (web bridge) Copy.
 *
 * A lease is forgotten when its login window ends (timer; `lease.expired` is emitted), on check-in,
 * and all at once on sign-out, remote wipe, screen lock and quit (`wipeAll`). JavaScript cannot zero a
 * string, so "forgotten" means no reference is kept and the garbage collector reclaims it.
 *
 * The clipboard: a copied password is cleared after `clearAfterSeconds()` — only if the clipboard still
 * holds it (the technician may have copied something else since) — and also when its lease ends and on
 * every wipe. Clipboard work runs one operation at a time (a promise chain), so concurrent copies and
 * clears never interleave a read-compare-clear with a write.
 */
import { AppError } from '../../shared/api/errors.js';
import type { CheckoutGranted } from '../../shared/api/credentials.js';
import type { CopyResult, LeaseEndReason, LeaseEnded, LeaseView } from '../../shared/credentials/leaseTypes.js';
import type { Clipboard } from './clipboard.js';

interface HeldLease {
  view: LeaseView;
  /** SECRET */
  secret: string;
  expiresAtMs: number;
  timer: ReturnType<typeof setTimeout>;
}

export interface LeaseKeeperDeps {
  /** The OS clipboard; absent in the web bridge (copy then hands the secret to the renderer). */
  clipboard?: Clipboard | undefined;
  clearAfterSeconds: () => number;
  onEnded: (ended: LeaseEnded) => void;
  /** Where a failure that no caller waits for is reported (never with the secret). */
  onError?: (message: string, err: unknown) => void;
  now?: () => number;
}

/** setTimeout's ceiling (~24.8 days); a longer timer would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class LeaseKeeper {
  private readonly leases = new Map<string, HeldLease>();
  /** SECRET: the password main last put on the clipboard, until it is cleared or replaced. */
  private copied: { secret: string; timer: ReturnType<typeof setTimeout> } | undefined;
  private clipboardWork: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LeaseKeeperDeps) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  /** Keeps a granted check-out; returns what the renderer may see. An already-ended window is refused. */
  hold(granted: CheckoutGranted): LeaseView {
    const view: LeaseView = {
      leaseId: granted.leaseId,
      credentialId: granted.credentialId,
      username: granted.username,
      ...(granted.domain ? { domain: granted.domain } : {}),
      kind: granted.kind,
      expiresAt: granted.expiresAt,
    };
    const expiresAtMs = Date.parse(granted.expiresAt);
    const old = this.leases.get(granted.leaseId);
    if (old) clearTimeout(old.timer);
    const timer = setTimeout(
      () => void this.end(granted.leaseId, 'expired'),
      Math.min(MAX_TIMER_MS, Math.max(0, expiresAtMs - this.now())),
    );
    (timer as { unref?: () => void }).unref?.();
    this.leases.set(granted.leaseId, { view, secret: granted.secret, expiresAtMs, timer });
    return view;
  }

  list(): LeaseView[] {
    return [...this.leases.values()].map((l) => l.view);
  }

  has(leaseId: string): boolean {
    return this.leases.has(leaseId);
  }

  view(leaseId: string): LeaseView {
    return this.held(leaseId).view;
  }

  /** SECRET: the password of a lease this device holds; an ended or unknown lease says to request again. */
  secret(leaseId: string): string {
    return this.held(leaseId).secret;
  }

  private held(leaseId: string): HeldLease {
    const lease = this.leases.get(leaseId);
    if (!lease || lease.expiresAtMs <= this.now()) {
      if (lease) void this.end(leaseId, 'expired');
      throw new AppError(
        'lease_ended',
        'This check-out has ended and the password is gone from Callsign. Check the credential out again.',
        'leaseId',
      );
    }
    return lease;
  }

  /**
   * Copies a lease's password. With an OS clipboard main writes it and schedules the clear; without
   * one (web bridge) the renderer gets it to write the browser clipboard under the same rule.
   */
  async copy(leaseId: string): Promise<CopyResult> {
    const secret = this.secret(leaseId);
    const clearAfterSeconds = this.deps.clearAfterSeconds();
    const clipboard = this.deps.clipboard;
    if (!clipboard) return { via: 'renderer', secret, clearAfterSeconds };
    await this.onClipboard(async () => {
      if (this.copied) clearTimeout(this.copied.timer);
      await clipboard.writeSecret(secret);
      // A failed clear is reported by onClipboard; nobody waits on this timer.
      const timer = setTimeout(() => void this.clearClipboard(secret).catch(() => undefined), clearAfterSeconds * 1000);
      (timer as { unref?: () => void }).unref?.();
      this.copied = { secret, timer };
    });
    return { via: 'main', clearAfterSeconds };
  }

  /** Clears the clipboard if it still holds `secret` (or whatever main last copied, when omitted). */
  clearClipboard(secret?: string): Promise<void> {
    return this.onClipboard(async () => {
      const copied = this.copied;
      if (!copied || (secret !== undefined && copied.secret !== secret)) return;
      clearTimeout(copied.timer);
      this.copied = undefined;
      const clipboard = this.deps.clipboard;
      if (clipboard && (await clipboard.readText()) === copied.secret) await clipboard.clear();
    });
  }

  private onClipboard(work: () => Promise<void>): Promise<void> {
    const next = this.clipboardWork.then(work);
    this.clipboardWork = next.catch((err: unknown) =>
      this.deps.onError?.('clipboard: a copied password may still be on the clipboard', err),
    );
    return next;
  }

  /** Forgets one lease (and clears the clipboard if it holds its password). Unknown ids are a no-op. */
  async end(leaseId: string, reason: LeaseEndReason): Promise<LeaseEnded | undefined> {
    const lease = this.leases.get(leaseId);
    if (!lease) return undefined;
    clearTimeout(lease.timer);
    this.leases.delete(leaseId);
    const ended: LeaseEnded = { leaseId, credentialId: lease.view.credentialId, reason };
    this.deps.onEnded(ended);
    await this.clearClipboard(lease.secret).catch(() => undefined); // reported by onClipboard
    return ended;
  }

  /** Sign-out, remote wipe, screen lock, quit: every lease and the clipboard's copy go at once. */
  async wipeAll(reason: LeaseEndReason): Promise<void> {
    const ids = [...this.leases.keys()];
    await Promise.all(ids.map((id) => this.end(id, reason)));
    await this.clearClipboard().catch(() => undefined); // reported by onClipboard
  }
}
