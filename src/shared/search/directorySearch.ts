/**
 * Type-ahead over the cached directory. Lives in memory for the session, fed by the same
 * upserts/removals as the caller index; nothing is persisted. Three structures, one per kind of query:
 *   - MiniSearch for words: site and company names and people's names (typo-tolerant: fuzzy 0.2 for
 *     words of 4+ letters, and two neighbouring letters swapped), reference subjects and tags. Every
 *     word typed must match (AND); the last one as a prefix. Accents and case are ignored. Queries
 *     under 2 characters return nothing. A last word under 4 letters is matched beside MiniSearch,
 *     not as its prefix query, which would score every record with a word starting with it
 *     (`SHORT_WORD`; its Vocabulary lists the completions of a lone short word).
 *   - PrefixIndex for email addresses and their domains, for one-word queries of 3+ characters
 *     ("dreyes", "dana.re", "dana@acme", "@acme.co"); these hits follow the word hits.
 *   - DigitIndex for phone numbers: a query of digits and phone punctuation with 4+ digits matches
 *     any run of digits of a number, as typed ("020 7946…") or international ("44 20 7946…").
 */
import MiniSearch from 'minisearch';
import type { ClientProfile, Reference, Site } from '../domain/index.js';
import { fittingKeys, fittingSiteKeys, type RecordKeys } from '../identify/recordKeys.js';
import { DigitIndex, MIN_DIGITS } from './digitIndex.js';
import { foldText as fold } from './foldText.js';
import { PrefixIndex } from './prefixIndex.js';
import { Vocabulary } from './vocabulary.js';

export type SearchKind = 'site' | 'person' | 'reference';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** Site name, person's full name or reference subject. */
  title: string;
  /** Company name (site), site name (person, when its site is known) or tags (reference). */
  subtitle?: string;
  /** The site a site or person belongs to. */
  siteId?: string;
  /** Relevance, higher is better; phone and email hits score 1. */
  score: number;
  matchedBy: 'text' | 'email' | 'phone';
}

export interface SearchOptions {
  kinds?: readonly SearchKind[];
  /** Most hits to return (default 20). */
  limit?: number;
}

export type SearchSite = Pick<Site, 'id' | 'name' | 'companyName' | 'mainPhones' | 'country'>;
export type SearchProfile = Pick<ClientProfile, 'id' | 'siteId' | 'firstName' | 'lastName' | 'email' | 'phones'>;
export type SearchReference = Pick<Reference, 'id' | 'subject' | 'tags'>;

/** `keys` (optional): the record's phone keys worked out elsewhere (identify/recordKeys.ts). */
export interface DirectorySearch {
  upsertSite(site: SearchSite, keys?: RecordKeys): void;
  removeSite(id: string): void;
  upsertProfile(profile: SearchProfile, keys?: RecordKeys): void;
  removeProfile(id: string): void;
  upsertReference(reference: SearchReference): void;
  removeReference(id: string): void;
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Reclaims space left by removals now (MiniSearch also does this by itself in the background). */
  vacuum(): Promise<void>;
  readonly size: number;
}

interface Doc {
  key: string;
  name?: string;
  company?: string;
  subject?: string;
  tags?: string;
}

interface Meta {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle?: string;
  siteId?: string;
}

const NAME_FIELDS = ['name', 'company'];
const REFERENCE_FIELDS = ['subject', 'tags'];
const ALL_FIELDS = [...NAME_FIELDS, ...REFERENCE_FIELDS];
const BOOST = { name: 2, company: 1, subject: 2, tags: 1 };
const PHONE_QUERY = /^[\d\s()+\-./]+$/;
export const MIN_QUERY = 2;

/**
 * Only the word being typed is a prefix; earlier words are complete ("dana rey" = dana AND rey*).
 * Expanding every word as a prefix multiplies the matches to score and breaks the 16 ms budget.
 */
const lastWord = (_term: string, i: number, terms: string[]) => i === terms.length - 1;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/**
 * A last word shorter than this after other words ("dana r", "Ji-w", "Wagner R": typing a name) is
 * matched here, not by MiniSearch. As a prefix it expands to every indexed word that starts with it
 * ("r": thousands of names, companies and subjects), each scored before the AND with the other words
 * drops nearly all of them: 35 ms a keystroke at 100k profiles, p99 83 ms, up to 335 ms (Node, this
 * machine). The other words alone match a few hundred records at most; a record is kept when a word
 * of its indexed text starts with the last one. The same records: a word this short is neither fuzzy
 * nor swapped (`nameQuery`); they are ranked by the other words.
 */
const SHORT_WORD = 4;

/*
 * A query of one word shorter than `SHORT_WORD` ("mi", "lin": the first keystrokes of any name) is
 * not a MiniSearch prefix query either: that scores every record holding any word that starts with
 * it, to show a dozen. At 100k profiles a two-letter word took p50 8 ms, p95 24 ms; at 250k p50 27 ms,
 * p95 86 ms, p99 111 ms (Node, this machine). Its completions (`Vocabulary`) are looked up one by one
 * instead, the shortest first (the word itself when it is indexed: "li" before "lina"), each an exact
 * lookup, until the limit is filled: p50 1.5 / p95 3.1 ms at 100k, 6 / 12 ms at 250k. Every hit has a
 * word starting with what was typed; which of the many are shown differs from MiniSearch's ranking
 * (the closest completions, not the rarest words), and typing on narrows them.
 */

/**
 * Each word with two neighbouring letters swapped ("reyse" → "eryse", "ryese", "reyse"→"reyes"…):
 * the commonest typing slip, which costs two Levenshtein edits and so escapes fuzzy 0.2 on short
 * names. Looked up exactly (prefix for the word being typed), which is cheap: n−1 radix lookups.
 */
export function transpositions(word: string): string[] {
  if (word.length < 4) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === word[i + 1]) continue;
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...out];
}

type WordQuery = { queries: string[]; prefix: boolean; fuzzy: number | false };

/**
 * Every word must match (AND): as typed with fuzzy 0.2 for 4+ letters, or with one swap of neighbours.
 * `lastIsPrefix`: the last word is the one being typed (false when it is matched apart: `SHORT_WORD`).
 */
function nameQuery(words: readonly string[], lastIsPrefix: boolean) {
  return {
    fields: NAME_FIELDS,
    combineWith: 'AND' as const,
    queries: words.map((word, i) => {
      const prefix = lastIsPrefix && i === words.length - 1;
      const typed: WordQuery = { queries: [word], prefix, fuzzy: word.length >= 4 ? 0.2 : false };
      const swaps = transpositions(fold(word));
      return swaps.length === 0
        ? typed
        : {
            combineWith: 'OR' as const,
            queries: [typed, { queries: swaps, prefix, fuzzy: false as const, combineWith: 'OR' as const }],
          };
    }),
  };
}

const digitsOf = (text: string) => text.replace(/\D/g, '');
const keyOf = (kind: SearchKind, id: string) => `${kind}:${id}`;

/** Digits as typed (national form) and, when it has a match key ('' when not), in international form. */
function phoneDigits(number: string, e164: string): string[] {
  const typed = digitsOf(number.replace(/(?:ext|x|#|,|;).*$/i, ''));
  return e164 && e164.slice(1) !== typed ? [typed, e164.slice(1)] : [typed];
}

class MemoryDirectorySearch implements DirectorySearch {
  /** See `createDirectorySearch`. */
  constructor(private readonly shortWords: boolean) {}

  private readonly vocabulary = new Vocabulary();
  private readonly mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ALL_FIELDS,
    // Indexing: every word also goes into the vocabulary (one Set lookup; no second tokenizing).
    processTerm: (term) => {
      const word = fold(term);
      this.vocabulary.add(word);
      return word;
    },
    searchOptions: { processTerm: fold },
  });
  private readonly phones = new DigitIndex();
  private readonly emails = new PrefixIndex();
  private readonly meta = new Map<string, Meta>();
  private readonly sites = new Map<string, { name: string; country: string }>();

  upsertSite(site: SearchSite, keys?: RecordKeys): void {
    this.sites.set(site.id, { name: site.name, country: site.country });
    this.put(
      { key: keyOf('site', site.id), name: site.name, company: site.companyName },
      { kind: 'site', id: site.id, title: site.name, subtitle: site.companyName, siteId: site.id },
    );
    const e164 = fittingSiteKeys(site, keys);
    this.phones.set(
      keyOf('site', site.id),
      site.mainPhones.flatMap((n, i) => phoneDigits(n, e164[i]!)),
    );
  }

  removeSite(id: string): void {
    this.sites.delete(id);
    this.drop(keyOf('site', id));
  }

  upsertProfile(p: SearchProfile, keys?: RecordKeys): void {
    const name = `${p.firstName} ${p.lastName}`;
    const key = keyOf('person', p.id);
    this.put({ key, name }, { kind: 'person', id: p.id, title: name, siteId: p.siteId });
    const email = p.email?.trim().toLowerCase();
    this.emails.set(key, email ? [email, email.slice(email.indexOf('@') + 1)] : []);
    const e164 = fittingKeys(p, this.sites.get(p.siteId)?.country, keys);
    const digits: string[] = [];
    for (let i = 0; i < p.phones.length; i++) digits.push(...phoneDigits(p.phones[i]!.number, e164[i]!));
    this.phones.set(key, digits);
  }

  removeProfile(id: string): void {
    this.drop(keyOf('person', id));
  }

  upsertReference(r: SearchReference): void {
    const tags = r.tags.join(' ');
    this.put(
      { key: keyOf('reference', r.id), subject: r.subject, tags },
      { kind: 'reference', id: r.id, title: r.subject, ...(tags ? { subtitle: r.tags.join(', ') } : {}) },
    );
  }

  removeReference(id: string): void {
    this.drop(keyOf('reference', id));
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const text = query.trim();
    const limit = options.limit ?? 20;
    if (!text || limit <= 0) return [];
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const accept = (key: string) => !kinds || kinds.has(this.meta.get(key)!.kind);

    const digits = digitsOf(text);
    if (PHONE_QUERY.test(text) && digits.length >= MIN_DIGITS) {
      return this.phones.search(digits, limit, accept).map((key) => this.hit(key, 1, 'phone'));
    }
    if (text.length < MIN_QUERY) return [];
    const lower = text.toLowerCase();
    // One word of 3+ characters may be (the start of) an address or a domain: "dreyes", "dana.re@", "@acme".
    const word = lower.startsWith('@') ? lower.slice(1) : lower;
    const emailHits = /^\S{3,}$/.test(word) ? this.emails.search(word, limit, accept) : [];
    if (lower.includes('@')) return emailHits.map((key) => this.hit(key, 1, 'email'));
    const filter = kinds ? { filter: (r: { id: unknown }) => accept(r.id as string) } : {};
    const words = tokenize(text).filter(Boolean);
    const lone = words.length === 1 ? this.shortWord(words[0]!) : '';
    if (lone) return this.withEmailHits(this.closestCompletions(lone, limit, filter), emailHits, limit);
    const apart = words.length > 1 ? this.shortWord(words[words.length - 1]!) : '';
    const queried = apart ? words.slice(0, -1) : words;
    const results = this.mini.search(
      {
        combineWith: 'OR',
        queries: [
          nameQuery(queried, !apart),
          {
            queries: [queried.join(' ')],
            fields: REFERENCE_FIELDS,
            prefix: apart ? false : lastWord,
            combineWith: 'AND',
          },
        ],
      },
      { boost: BOOST, ...filter },
    );
    const hits: SearchHit[] = [];
    for (const r of results) {
      if (hits.length >= limit) break;
      if (!apart || this.hasWordStarting(r.id as string, apart)) hits.push(this.hit(r.id as string, r.score, 'text'));
    }
    return this.withEmailHits(hits, emailHits, limit);
  }

  /** Word hits, then the address hits not among them, up to `limit`. */
  private withEmailHits(hits: SearchHit[], emailHits: string[], limit: number): SearchHit[] {
    for (const key of emailHits)
      if (hits.length < limit && !hits.some((h) => keyOf(h.kind, h.id) === key)) hits.push(this.hit(key, 1, 'email'));
    return hits;
  }

  vacuum(): Promise<void> {
    return this.mini.vacuum();
  }

  get size(): number {
    return this.meta.size;
  }

  /** `word` folded when it is matched apart from MiniSearch (shorter than `SHORT_WORD`), else ''. */
  private shortWord(word: string): string {
    const folded = fold(word);
    return this.shortWords && word.length < SHORT_WORD && folded.length < SHORT_WORD ? folded : '';
  }

  /**
   * The hits of a query of one short `word` (folded), by its closest completions (the note after
   * `SHORT_WORD`), each with its MiniSearch score for the completion it was found by.
   */
  private closestCompletions(
    word: string,
    limit: number,
    filter: { filter?: (r: { id: unknown }) => boolean },
  ): SearchHit[] {
    const completions = this.vocabulary.completions(word);
    completions.sort((a, b) => a.length - b.length); // stable: alphabetical within a length
    const found = new Map<string, SearchHit>();
    for (const term of completions) {
      const results = this.mini.search(term, {
        fields: ALL_FIELDS,
        prefix: false,
        fuzzy: false,
        boost: BOOST,
        ...filter,
      });
      for (const r of results) {
        if (!found.has(r.id as string)) found.set(r.id as string, this.hit(r.id as string, r.score, 'text'));
        if (found.size >= limit) return [...found.values()];
      }
    }
    return [...found.values()];
  }

  /**
   * Whether a word of the record's indexed text starts with `prefix` (folded), as MiniSearch would
   * match it. A record's indexed fields are its title and subtitle as stored (`put`): a site's name and
   * company, a person's name, a reference's subject and tags.
   */
  private hasWordStarting(key: string, prefix: string): boolean {
    const meta = this.meta.get(key)!;
    const text = meta.kind === 'person' ? meta.title : `${meta.title} ${meta.subtitle ?? ''}`;
    return tokenize(text).some((word) => fold(word).startsWith(prefix));
  }

  private hit(key: string, score: number, matchedBy: SearchHit['matchedBy']): SearchHit {
    const meta = this.meta.get(key)!;
    // A person's subtitle is looked up now, so renaming a site needs no re-indexing of its people.
    const subtitle = meta.kind === 'person' && meta.siteId ? this.sites.get(meta.siteId)?.name : meta.subtitle;
    return { ...meta, ...(subtitle ? { subtitle } : {}), score, matchedBy };
  }

  private put(doc: Doc, meta: Meta): void {
    if (this.mini.has(doc.key)) this.mini.replace(doc);
    else this.mini.add(doc);
    this.meta.set(doc.key, meta);
  }

  private drop(key: string): void {
    if (this.mini.has(key)) this.mini.discard(key);
    this.meta.delete(key);
    this.phones.remove(key);
    this.emails.remove(key);
  }
}

/**
 * An empty type-ahead index; fill it with the upsert methods as the directory loads and syncs.
 * `options.shortWordsApart` (default true): short words are matched as `SHORT_WORD` and the note
 * after it say; false matches them through MiniSearch (only to compare both ways: tests).
 */
export function createDirectorySearch(options: { shortWordsApart?: boolean } = {}): DirectorySearch {
  return new MemoryDirectorySearch(options.shortWordsApart ?? true);
}
