/**
 * key → ids, the building block of the caller index. Almost every key (a number, an address, a
 * domain) belongs to exactly one record, so a lone id is stored as the string itself and only shared
 * keys get an array: at ~250k keys that saves as many small arrays (memory and GC time on build).
 */
export class Postings {
  private readonly lists = new Map<string, string | string[]>();
  private count = 0;

  add(key: string, id: string): void {
    const held = this.lists.get(key);
    if (held === undefined) this.lists.set(key, id);
    else if (typeof held === 'string') {
      if (held === id) return;
      this.lists.set(key, [held, id]);
    } else if (!held.includes(id)) held.push(id);
    else return;
    this.count++;
  }

  remove(key: string, id: string): void {
    const held = this.lists.get(key);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held !== id) return;
      this.lists.delete(key);
    } else {
      const at = held.indexOf(id);
      if (at < 0) return;
      held.splice(at, 1);
      if (held.length === 1) this.lists.set(key, held[0]!);
    }
    this.count--;
  }

  get(key: string): readonly string[] {
    const held = this.lists.get(key);
    return held === undefined ? [] : typeof held === 'string' ? [held] : held;
  }

  /** Number of (key, id) pairs. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.lists.clear();
    this.count = 0;
  }
}
