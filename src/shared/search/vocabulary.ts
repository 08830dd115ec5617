/**
 * Every distinct (folded) word the type-ahead has indexed, sorted, for the completions of a short
 * prefix (directorySearch.ts: a query of one short word). Words are only added: one whose records
 * are gone stays, and looking it up finds nothing. New words are buffered and merged on the next
 * query, as PrefixIndex does: a handful by binary insertion, a load's worth by one sort.
 */
import { lowerBound } from './lowerBound.js';

const byWord = (word: string) => word;

export class Vocabulary {
  private readonly known = new Set<string>();
  private sorted: string[] = [];
  private pending: string[] = [];

  add(word: string): void {
    if (!word || this.known.has(word)) return;
    this.known.add(word);
    this.pending.push(word);
  }

  /** The words starting with `prefix`, in code-unit order. */
  completions(prefix: string): string[] {
    this.settle();
    const out: string[] = [];
    for (
      let i = lowerBound(this.sorted, prefix, byWord);
      i < this.sorted.length && this.sorted[i]!.startsWith(prefix);
      i++
    )
      out.push(this.sorted[i]!);
    return out;
  }

  get size(): number {
    return this.known.size;
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length < 256) {
      for (const word of this.pending) this.sorted.splice(lowerBound(this.sorted, word, byWord), 0, word);
    } else {
      this.sorted = this.sorted.concat(this.pending).sort();
    }
    this.pending = [];
  }
}
