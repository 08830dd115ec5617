/**
 * Prefix search over whole values (email addresses, domains): a sorted array and a binary search,
 * so "dana.re" or "acme.c" costs O(log n + hits) however many addresses share the prefix. Kept out
 * of MiniSearch because its tokenizer splits addresses into words whose unique suffixes ("reyes12")
 * bloat the vocabulary, and prefix queries then expand into thousands of terms.
 *
 * Upserts are buffered and merged on the next search: a handful by binary insertion, a bulk load by
 * one sort. Removals are checked against `byDoc` at query time and compacted away in bulk.
 */
import { lowerBound } from './lowerBound.js';

type Item = [value: string, docKey: string];
const byValue = (item: Item) => item[0];

export class PrefixIndex {
  private items: Item[] = [];
  private pending: Item[] = [];
  private readonly byDoc = new Map<string, readonly string[]>();
  private dead = 0;

  set(docKey: string, values: readonly string[]): void {
    this.remove(docKey);
    const unique = [...new Set(values.filter((v) => v.length > 0))];
    if (unique.length === 0) return;
    this.byDoc.set(docKey, unique);
    for (const value of unique) this.pending.push([value, docKey]);
  }

  remove(docKey: string): void {
    const values = this.byDoc.get(docKey);
    if (!values) return;
    this.byDoc.delete(docKey);
    this.dead += values.length;
  }

  /** Records with a value starting with `prefix`, in value order, each once, at most `limit`. */
  search(prefix: string, limit: number, accept: (docKey: string) => boolean = () => true): string[] {
    if (!prefix || limit <= 0) return [];
    this.settle();
    const found = new Set<string>();
    for (let i = lowerBound(this.items, prefix, byValue); i < this.items.length && found.size < limit; i++) {
      const [value, docKey] = this.items[i]!;
      if (!value.startsWith(prefix)) break;
      if (this.byDoc.get(docKey)?.includes(value) && accept(docKey)) found.add(docKey);
    }
    return [...found];
  }

  private settle(): void {
    if (this.dead > 1000 && this.dead > this.items.length / 4) {
      // Drop removed and superseded items (a re-added value reappears from `pending`).
      this.items = this.items.filter(([value, docKey]) => this.byDoc.get(docKey)?.includes(value));
      this.dead = 0;
    }
    if (this.pending.length === 0) return;
    if (this.pending.length < 256) {
      for (const item of this.pending) this.items.splice(lowerBound(this.items, item[0], byValue), 0, item);
    } else {
      this.items = this.items.concat(this.pending);
      this.items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    this.pending = [];
  }
}
