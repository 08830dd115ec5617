/**
 * What the renderer learns about a lease main holds. None of these carries the secret except
 * `CopyResult` in the web bridge (`via: 'renderer'`) and `ReadBack`, both answers to an explicit,
 * audited action.
 */
import type { CredentialKind } from '../api/credentials.js';

/** A check-out as the renderer sees it: everything but the password. */
export interface LeaseView {
  leaseId: string;
  credentialId: string;
  username: string;
  domain?: string | undefined;
  kind: CredentialKind;
  /** ISO end of the login window. */
  expiresAt: string;
}

/**
 * Electron: main wrote the clipboard and clears it after `clearAfterSeconds` if it still holds the
 * password. Web bridge: there is no OS clipboard in main, so the renderer writes the browser clipboard
 * itself with `secret` and applies the same clear-if-unchanged rule (README, "web bridge clipboard").
 */
export type CopyResult =
  { via: 'main'; clearAfterSeconds: number } | { via: 'renderer'; secret: string; clearAfterSeconds: number };

export interface ReadBack {
  /** Groups of up to four spoken words (natoReadBack.ts). */
  groups: string[][];
}

export type LeaseEndReason = 'expired' | 'checked_in' | 'signed_out' | 'wiped' | 'locked' | 'quit';

export interface LeaseEnded {
  leaseId: string;
  credentialId: string;
  reason: LeaseEndReason;
}
