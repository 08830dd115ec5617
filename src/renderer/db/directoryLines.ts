/**
 * The caller index's snapshot lines (`SnapshotLines`), kept by the sync worker while a first sync
 * fills an empty cache (the bulk mode of syncDirectory, issue 12). The worker already parses each
 * page and works out every record's phone keys, so it can describe the whole exact-match index
 * itself: the renderer answers lookups from these lines during the sync (a frozen index, rebuilt per
 * page in a few ms) instead of inserting 100k records into Maps on its main thread, and the worker
 * stores the final lines as the warm-start snapshot.
 *
 * The lines are exactly what the live index (identify/callerIndex.ts `snapshotLines`) would produce
 * over the same records, including a profile whose national numbers are read with its site's country
 * when the site comes later or changes country: such profiles keep their numbers and are read again
 * when the lines are taken.
 */
import type { ClientProfile, Site } from '../../shared/domain/index.js';
import { normalizeEmail } from '../../shared/identify/parseEmail.js';
import {
  distinctKeys,
  profilePhoneKeys,
  readsWithSiteCountry,
  type RecordKeys,
} from '../../shared/identify/recordKeys.js';
import type { SnapshotLines } from '../../shared/identify/types.js';

interface ProfileEntry {
  /** `id \t siteId \t email \t` (the keys follow). */
  head: string;
  siteId: string;
  keys: string;
  /** Numbers read with the site's country, and the country they were read with (re-read when it changes). */
  dependent?: { phones: ClientProfile['phones']; readWith: string | undefined };
}

/** The record's keys as the live index stores them (no '' keys, no repeats), joined by a space. */
const joinKeys = (keys: readonly string[]) => distinctKeys(keys).join(' ');

const holdsSeparator = (text: string) => text.includes('\t') || text.includes('\n');

/**
 * Lines are taken again once this many records changed, and at least a quarter of the directory: each
 * take is a pass over every line (~0.1 s at 100k in the worker), so taking them after every page
 * made a first sync quadratic (a 250k sync spent ~10 s on it); growing steps keep the total linear.
 */
const RETAKE_MIN_CHANGES = 5000;
const RETAKE_SHARE = 0.25;

export class DirectoryLines {
  private readonly sites = new Map<string, string>();
  private readonly profiles = new Map<string, ProfileEntry>();
  /** A field held a tab or a newline (never from our server): no lines can describe the directory. */
  private unwritable = false;
  /** Records put or deleted since the lines were last taken. */
  private changes = 0;

  /** Enough has changed since the lines were last taken to take them again (see RETAKE_SHARE). */
  get due(): boolean {
    return this.changes >= Math.max(RETAKE_MIN_CHANGES, RETAKE_SHARE * this.profiles.size);
  }

  putSite(site: Pick<Site, 'id'>, keys: RecordKeys): void {
    if (holdsSeparator(site.id)) this.unwritable = true;
    this.changes++;
    this.sites.set(site.id, `${site.id}\t${joinKeys(keys.phones)}`);
  }

  deleteSite(id: string): void {
    this.changes++;
    this.sites.delete(id);
  }

  putProfile(profile: Pick<ClientProfile, 'id' | 'siteId' | 'email' | 'phones'>, keys: RecordKeys): void {
    const email = profile.email ? (normalizeEmail(profile.email) ?? '') : '';
    if ([profile.id, profile.siteId, email].some(holdsSeparator)) this.unwritable = true;
    this.changes++;
    const entry: ProfileEntry = {
      head: `${profile.id}\t${profile.siteId}\t${email}\t`,
      siteId: profile.siteId,
      keys: joinKeys(keys.phones),
    };
    if (profile.phones.some(readsWithSiteCountry))
      entry.dependent = { phones: profile.phones, readWith: keys.readWith };
    this.profiles.set(profile.id, entry);
  }

  deleteProfile(id: string): void {
    this.changes++;
    this.profiles.delete(id);
  }

  /**
   * The lines as of now; `countryOf` gives each site's current country: a profile whose numbers were
   * read with another one (its site arrived later, or moved country) is read again first.
   */
  lines(countryOf: (siteId: string) => string | undefined): SnapshotLines | undefined {
    if (this.unwritable) return undefined;
    this.changes = 0;
    const profiles: string[] = [];
    for (const entry of this.profiles.values()) {
      const dep = entry.dependent;
      const country = dep && countryOf(entry.siteId);
      if (dep && dep.readWith !== country) {
        const keys = profilePhoneKeys({ phones: dep.phones }, country);
        entry.keys = joinKeys(keys.phones);
        dep.readWith = keys.readWith;
      }
      profiles.push(entry.head + entry.keys);
    }
    return { sites: [...this.sites.values()].join('\n'), profiles: profiles.join('\n') };
  }
}
