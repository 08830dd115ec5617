/**
 * Type-ahead over the cached directory: sites (name, company), people (name, email) and references
 * (subject, tags) through MiniSearch, plus phone digits through DigitIndex. Lives in memory for the
 * session, fed by the same upserts/removals as the caller index; nothing is persisted.
 *
 * Matching: every word typed must match (AND), as a prefix; names and companies also tolerate typos
 * (fuzzy 0.2, i.e. one edit per five letters, for words of 4+ letters). Accents and case are ignored.
 * A query of digits and phone punctuation with 4+ digits searches phone numbers instead: any run of
 * digits of a number matches, as typed ("020 7946…") or international ("44 20 7946…").
 */
import MiniSearch from 'minisearch';
import type { ClientProfile, Reference, Site } from '../domain/index.js';
import { phoneMatchKey } from '../phone/phoneMatchKey.js';
import { DigitIndex, MIN_DIGITS } from './digitIndex.js';

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
  /** Relevance, higher is better; phone hits score 1. */
  score: number;
  matchedBy: 'text' | 'phone';
}

export interface SearchOptions {
  kinds?: readonly SearchKind[];
  /** Most hits to return (default 20). */
  limit?: number;
}

export type SearchSite = Pick<Site, 'id' | 'name' | 'companyName' | 'mainPhones' | 'country'>;
export type SearchProfile = Pick<ClientProfile, 'id' | 'siteId' | 'firstName' | 'lastName' | 'email' | 'phones'>;
export type SearchReference = Pick<Reference, 'id' | 'subject' | 'tags'>;

export interface DirectorySearch {
  upsertSite(site: SearchSite): void;
  removeSite(id: string): void;
  upsertProfile(profile: SearchProfile): void;
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
  email?: string;
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
const ALL_FIELDS = ['name', 'company', 'email', 'subject', 'tags'];
const BOOST = { name: 3, company: 2, subject: 2, email: 1, tags: 1 };
const PHONE_QUERY = /^[\d\s()+\-./]+$/;

/** Lower case without accents, so "muller" finds "Müller". */
const fold = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const digitsOf = (text: string) => text.replace(/\D/g, '');
const keyOf = (kind: SearchKind, id: string) => `${kind}:${id}`;

class MemoryDirectorySearch implements DirectorySearch {
  private readonly mini = new MiniSearch<Doc>({ idField: 'key', fields: ALL_FIELDS, processTerm: fold });
  private readonly phones = new DigitIndex();
  private readonly meta = new Map<string, Meta>();
  private readonly sites = new Map<string, { name: string; country: string }>();

  upsertSite(site: SearchSite): void {
    this.sites.set(site.id, { name: site.name, country: site.country });
    this.put({ key: keyOf('site', site.id), name: site.name, company: site.companyName }, { kind: 'site', id: site.id, title: site.name, subtitle: site.companyName, siteId: site.id });
    this.phones.set(keyOf('site', site.id), site.mainPhones.flatMap((n) => this.phoneDigits(n, site.country)));
  }

  removeSite(id: string): void {
    this.sites.delete(id);
    this.drop(keyOf('site', id));
  }

  upsertProfile(p: SearchProfile): void {
    const name = `${p.firstName} ${p.lastName}`;
    this.put({ key: keyOf('person', p.id), name, email: p.email }, { kind: 'person', id: p.id, title: name, siteId: p.siteId });
    const country = this.sites.get(p.siteId)?.country;
    this.phones.set(keyOf('person', p.id), p.phones.flatMap((phone) => this.phoneDigits(phone.number, phone.country ?? country)));
  }

  removeProfile(id: string): void {
    this.drop(keyOf('person', id));
  }

  upsertReference(r: SearchReference): void {
    const tags = r.tags.join(' ');
    this.put({ key: keyOf('reference', r.id), subject: r.subject, tags }, { kind: 'reference', id: r.id, title: r.subject, ...(tags ? { subtitle: r.tags.join(', ') } : {}) });
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
    const results = this.mini.search(
      {
        combineWith: 'OR',
        queries: [
          { queries: [text], fields: NAME_FIELDS, prefix: true, fuzzy: (term) => (term.length >= 4 ? 0.2 : false), combineWith: 'AND' },
          { queries: [text], fields: ALL_FIELDS, prefix: true, combineWith: 'AND' },
        ],
      },
      { boost: BOOST, ...(kinds ? { filter: (r) => accept(r.id as string) } : {}) },
    );
    return results.slice(0, limit).map((r) => this.hit(r.id as string, r.score, 'text'));
  }

  vacuum(): Promise<void> {
    return this.mini.vacuum();
  }

  get size(): number {
    return this.meta.size;
  }

  private hit(key: string, score: number, matchedBy: SearchHit['matchedBy']): SearchHit {
    const meta = this.meta.get(key)!;
    // A person's subtitle is looked up now, so renaming a site needs no re-indexing of its people.
    const subtitle = meta.kind === 'person' && meta.siteId ? this.sites.get(meta.siteId)?.name : meta.subtitle;
    return { ...meta, ...(subtitle ? { subtitle } : {}), score, matchedBy };
  }

  /** Digits as typed (national form) and, when the country is known, in international form. */
  private phoneDigits(number: string, country: string | undefined): string[] {
    const typed = digitsOf(number.replace(/(?:ext|x|#|,|;).*$/i, ''));
    const e164 = phoneMatchKey(number, country);
    return e164 && e164.slice(1) !== typed ? [typed, e164.slice(1)] : [typed];
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
  }
}

/** An empty type-ahead index; fill it with the upsert methods as the directory loads and syncs. */
export function createDirectorySearch(): DirectorySearch {
  return new MemoryDirectorySearch();
}
