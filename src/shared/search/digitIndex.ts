/**
 * Phone-number type-ahead: finds every record with a number containing the typed digits anywhere
 * ("5550" finds +1 206 555 0101), for queries of 4+ digits. MiniSearch cannot do substring matches,
 * and fuzzy matching on digits finds wrong numbers, so this is a separate structure: every 4-digit
 * window of every number → the numbers containing it. A query reads the list of its rarest window
 * and checks each candidate with `includes`, stopping at the limit.
 *
 * In memory only, for the lifetime of the search index. Removal tombstones the entry and leaves its
 * id in the window lists (removing from lists of 100k ids would be slow); the lists are compacted
 * once tombstones outnumber live entries.
 */

export const MIN_DIGITS = 4;

interface Entry {
  digits: string;
  docId: string;
}

export class DigitIndex {
  private entries: Array<Entry | undefined> = [];
  /** Window value (the 4 digits read as a number, 0–9999) → entry ids: an array, no string keys. */
  private windows: Array<number[] | undefined> = new Array(10 ** MIN_DIGITS);
  private readonly byDoc = new Map<string, number[]>();
  private dead = 0;

  /** Indexes a record's numbers (digit strings; duplicates and runs under 4 digits are ignored). */
  set(docId: string, numbers: readonly string[]): void {
    this.remove(docId);
    const ids: number[] = [];
    for (const digits of new Set(numbers)) {
      if (digits.length < MIN_DIGITS || !/^\d+$/.test(digits)) continue;
      const id = this.entries.push({ digits, docId }) - 1;
      ids.push(id);
      this.addWindows(digits, id);
    }
    if (ids.length > 0) this.byDoc.set(docId, ids);
  }

  remove(docId: string): void {
    const ids = this.byDoc.get(docId);
    if (!ids) return;
    for (const id of ids) this.entries[id] = undefined;
    this.byDoc.delete(docId);
    this.dead += ids.length;
    if (this.dead > 10_000 && this.dead > this.entries.length / 2) this.compact();
  }

  /**
   * Records with a number containing `digits` (4+ digits), in indexing order, each once, at most
   * `limit`; `accept` filters records (e.g. by kind) before they count towards the limit.
   */
  search(digits: string, limit: number, accept: (docId: string) => boolean = () => true): string[] {
    if (digits.length < MIN_DIGITS || limit <= 0 || !/^\d+$/.test(digits)) return [];
    let rarest: number[] | undefined;
    for (let i = 0; i + MIN_DIGITS <= digits.length; i++) {
      const list = this.windows[Number(digits.slice(i, i + MIN_DIGITS))];
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    const found = new Set<string>();
    for (const id of rarest!) {
      const entry = this.entries[id];
      if (!entry || found.has(entry.docId) || !entry.digits.includes(digits) || !accept(entry.docId)) continue;
      found.add(entry.docId);
      if (found.size >= limit) break;
    }
    return [...found];
  }

  get size(): number {
    return this.entries.length - this.dead;
  }

  private addWindows(digits: string, id: number): void {
    let window = 0;
    for (let i = 0; i < digits.length; i++) {
      window = (window * 10 + digits.charCodeAt(i) - 48) % 10 ** MIN_DIGITS;
      if (i < MIN_DIGITS - 1) continue;
      const list = this.windows[window];
      if (!list) this.windows[window] = [id];
      else if (list[list.length - 1] !== id) list.push(id); // a window repeated in one number
    }
  }

  private compact(): void {
    const live = this.entries.filter((e): e is Entry => e !== undefined);
    this.entries = [];
    this.windows = new Array(10 ** MIN_DIGITS);
    this.byDoc.clear();
    this.dead = 0;
    for (const entry of live) {
      const id = this.entries.push(entry) - 1;
      const ids = this.byDoc.get(entry.docId);
      if (ids) ids.push(id);
      else this.byDoc.set(entry.docId, [id]);
      this.addWindows(entry.digits, id);
    }
  }
}
