/**
 * Caller identification types. The index is built in memory from the cached directory and kept in
 * step with sync (upsert/remove), so a lookup is a few Map reads rather than IndexedDB gets.
 */
import type { ClientProfile, Site } from '../domain/index.js';
import type { RecordKeys } from './recordKeys.js';

/** What matched, strongest first: exact profile (phone/email) > site main number > site domain. */
export type MatchKind = 'profile_phone' | 'profile_email' | 'site_phone' | 'site_domain';

export interface Candidate {
  siteId: string;
  /** Present when a person (not only a site) matched. */
  profileId?: string;
  matched: MatchKind;
  /** 3 exact profile, 2 site number, 1 domain. */
  confidence: 1 | 2 | 3;
  /** The normalised value that matched (E.164 number, email address or domain). */
  value: string;
  /** A number typed without its country code: the country whose national reading matched (ISO alpha-2). */
  readAs?: string;
  /**
   * The number is possible (right length) but not valid in libphonenumber's metadata, which lags new
   * ranges: it still matches a stored number with the same digits, ranked below valid matches.
   */
  possibleOnly?: true;
}

export type ParsedQuery =
  | {
      kind: 'phone';
      /** The best reading: the top candidate's, else the first valid one (hint first). */
      e164: string;
      extension?: string;
      country?: string;
      /** A national number: the countries it was read in, hint first (ISO alpha-2). */
      countriesTried?: string[];
    }
  | { kind: 'email'; address: string; domain: string; publicDomain: boolean };

export interface IdentifyResult {
  query: ParsedQuery;
  /** Best first. Empty when nothing matched. */
  candidates: Candidate[];
  /** More than one site matched, whatever the kind of match: show all, never auto-pick. */
  ambiguous: boolean;
}

export type IdentifyErrorCode = 'empty' | 'invalid_phone' | 'too_short' | 'too_long' | 'invalid_email' | 'unrecognised';

export interface IdentifyError {
  code: IdentifyErrorCode;
  /** Says what is wrong and what to type instead; safe to show. */
  message: string;
}

export type IdentifyOutcome = { ok: true; result: IdentifyResult } | { ok: false; error: IdentifyError };

/** Minimal shapes the index needs (the full records satisfy them). */
export type IndexSite = Pick<Site, 'id' | 'mainPhones' | 'emailDomain' | 'noClientEmailDomain' | 'country'>;
export type IndexProfile = Pick<ClientProfile, 'id' | 'siteId' | 'email' | 'phones'>;

/**
 * The in-memory index (implemented in `identify/callerIndex.ts`, exported from `identify/index.ts`):
 *   createCallerIndex(): CallerIndex
 *   identifyCaller(index: CallerIndex, input: string, options?: { country?: string }): IdentifyOutcome
 *     // input: a phone number in any format (incl. tel:/sip: URIs), or an email address
 */
/** What a lookup reads (identifyCaller): the live index, or a snapshot's frozen one (frozenCallerIndex.ts). */
export type CallerLookup = Pick<
  CallerIndex,
  'candidatesForPhone' | 'candidatesForEmail' | 'defaultCountry' | 'countries' | 'stats'
>;

export interface CallerIndex {
  /** `keys`: the site's phone keys worked out elsewhere (recordKeys.ts); read here when absent. */
  upsertSite(site: IndexSite, keys?: RecordKeys): void;
  removeSite(id: string): void;
  /** `keys`: worked out elsewhere (the sync worker); used only when read with this index's site country. */
  upsertProfile(profile: IndexProfile, keys?: RecordKeys): void;
  removeProfile(id: string): void;
  /** Forget everything (full resync). */
  clear(): void;
  /** Every site and profile match for an E.164 number, unsorted (identifyCaller ranks them). */
  candidatesForPhone(e164: string): Candidate[];
  /**
   * The profiles with exactly this (normalised) address; if none, the site owning the domain or its
   * nearest parent domain. Public mail domains and "no client email domain" sites never match a site.
   */
  candidatesForEmail(address: string, domain: string): Candidate[];
  /** The most common site country: the default desk country (how a technician's national numbers are read first). */
  readonly defaultCountry: string | undefined;
  /** Every country with sites in the index, most sites first: national numbers are read in each. */
  readonly countries: readonly string[];
  /** `phones`: indexed (number, record) pairs, profile phones and site main numbers together. */
  readonly stats: { sites: number; profiles: number; phones: number };
  /** The phone match keys of every record, for a persisted snapshot (see `PhoneKeys`). */
  phoneKeys(): PhoneKeys;
  /**
   * Every record as one line each (see `SnapshotLines`): a snapshot a frozen index answers from at
   * once. Undefined when an id, address or key holds a tab or a newline (never from our server).
   */
  snapshotLines(): SnapshotLines | undefined;
}

/**
 * The whole exact-match index as two strings, one line per record ('\n' between lines, '\t' between
 * fields), the form a warm start restores without building a single Map (frozenCallerIndex.ts):
 *   sites:    `id \t keys`
 *   profiles: `id \t siteId \t email \t keys`
 * `keys`: the record's E.164 match keys joined by a space ('' none); `email`: normalised ('' none).
 */
export interface SnapshotLines {
  sites: string;
  profiles: string;
  /** The profiles' lookup table (frozenCallerIndex.ts `buildLineTable`); built on use when absent. */
  table?: LineTable;
}

/**
 * An open-addressing hash table over the profile lines' emails and phone keys, in typed arrays (cheap
 * to store, post and read back: no object per entry). `starts[i]`: where line i begins; `slots[h]`:
 * 1 + the line of the entry whose hash lands on h (0 = empty), `hashes[h]` that entry's full hash.
 */
export interface LineTable {
  starts: Int32Array;
  slots: Int32Array;
  hashes: Int32Array;
}

/** Phone keys by record id, worked out before (a snapshot): each id's keys are used once. */
export interface KeyMaps {
  sites: Map<string, string[]>;
  profiles: Map<string, string[]>;
}

/**
 * The phone match keys (E.164) each record produced, packed as parallel arrays (ids[i] → keys[i], the
 * record's keys joined by a space; E.164 has none). Parsing phones is nearly all of the cost of
 * building the index, so a client persists these after a sync and passes them back to
 * `createCallerIndex` at start: the records are then indexed without parsing a single number.
 * They are only valid for exactly the records they were taken from (the caller checks that).
 */
export interface PhoneKeys {
  siteIds: string[];
  siteKeys: string[];
  profileIds: string[];
  profileKeys: string[];
}
