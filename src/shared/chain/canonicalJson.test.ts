import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

/** Reverses the key order of every object, deeply. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)]),
    );
  return value;
}
const json = fc.jsonValue({ maxDepth: 4 });

describe('canonicalJson', () => {
  it('sorts keys by code unit and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: { z: 1, A: 2 }, '10': 0, '9': 0 })).toBe(
      '{"10":0,"9":0,"a":[true,null,"x"],"b":1,"é":{"A":2,"z":1}}',
    );
    expect(canonicalJson('line\n"q"')).toBe('"line\\n\\"q\\""');
    expect(canonicalJson([1e21, 0.1, -0, 5])).toBe('[1e+21,0.1,0,5]');
  });
  it('omits undefined properties but rejects what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\]: undefined in an array/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n: NaN/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}'); // repeats are not cycles
  });
  it('is independent of key order', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(reorder(v))).toBe(canonicalJson(v));
      }),
    );
  });
  it('round-trips through JSON.parse and is a fixed point', () => {
    fc.assert(
      fc.property(json, (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
    );
  });
});
