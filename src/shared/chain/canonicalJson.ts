/**
 * Canonical JSON for hashing (RFC 8785-like for our data): object keys sorted by UTF-16 code units,
 * no whitespace, numbers and strings as `JSON.stringify` writes them (the same ECMAScript rules
 * RFC 8785 uses). Properties whose value is `undefined` are omitted, as in JSON; anything JSON
 * cannot carry faithfully throws a TypeError naming its path: non-finite numbers, `undefined` in an
 * array, bigint, functions, symbols, non-plain objects (Date, Map, class instances) and cycles.
 * Two values that are equal as JSON always give the same string, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be written as JSON`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new TypeError(`${path}: a ${typeof value} cannot be written as JSON`);
  if (ancestors.has(value)) throw new TypeError(`${path}: circular reference`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value
        .map((item, i) => {
          if (item === undefined) throw new TypeError(`${path}[${i}]: undefined in an array cannot be written as JSON`);
          return write(item, `${path}[${i}]`, ancestors);
        })
        .join(',')}]`;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(`${path}: only plain objects can be written as canonical JSON`);
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort() // default sort compares UTF-16 code units, as RFC 8785 requires
      .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`, ancestors)}`);
    return `{${entries.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
