/**
 * Site approval rules (APPROVALS.md §2) as stored on the server. A policy record is a directory
 * record (`directory_records`, kind `policy`, id = site id, JSON validated by `SitePolicyRecord`):
 * writing it through DirectoryStore bumps the change sequence, so `GET /v1/sync` carries it to every
 * device for offline use, and deleting the site deletes it (with a tombstone).
 */
import type { SitePolicyRecord } from '../../shared/api/index.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';

export class PolicyStore {
  constructor(private readonly directory: DirectoryStore) {}

  /** The site's rules, or undefined when none were ever set (every category then has no approvers). */
  get(siteId: string): Promise<SitePolicyRecord | undefined> {
    return this.directory.get('policy', siteId);
  }

  /** Validates and stores a site's rules; 404 `not_found` (field `siteId`) for an unknown site. */
  put(input: unknown): Promise<{ seq: number; record: SitePolicyRecord }> {
    return this.directory.upsertPolicy(input);
  }

  delete(siteId: string): Promise<{ seq: number } | null> {
    return this.directory.delete('policy', siteId);
  }
}
