/**
 * The first index in `sorted` (ascending by `keyOf`, code-unit order) whose key is not below
 * `value`: where `value` would be inserted, and where the keys starting with it begin.
 */
export function lowerBound<T>(sorted: readonly T[], value: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(sorted[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
