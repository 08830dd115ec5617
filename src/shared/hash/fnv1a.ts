/**
 * FNV-1a (32-bit) over the UTF-16 code units of `text[from, to)`, as a signed 32-bit integer (`>>> 0`
 * for unsigned). Stable across runs and devices: cache buckets (renderer/db/recordChunks.ts) are
 * stored by it, and the frozen caller index's line table (identify/frozenCallerIndex.ts) hashes with it.
 */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
