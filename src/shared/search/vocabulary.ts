/**
 * Every distinct (folded) word the type-ahead has indexed, sorted, for the completions of a short
 * prefix (directorySearch.ts: a query of one short word). Words are only added: one whose records are gone
 * stays, and looking it up finds nothing. New words are buffered and merged on the next query, as
 * PrefixIndex does: a handful by binary insertion, a load's worth by one sort.
 */
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
    for (let i = this.lowerBound(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++)
      out.push(this.sorted[i]!);
    return out;
  }

  get size(): number {
    return this.known.size;
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length < 256) {
      for (const word of this.pending) this.sorted.splice(this.lowerBound(word), 0, word);
    } else {
      this.sorted = this.sorted.concat(this.pending).sort();
    }
    this.pending = [];
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
