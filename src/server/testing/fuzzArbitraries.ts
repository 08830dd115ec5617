/**
 * Test support for the route fuzzer (src/server/fuzz/routeFuzz.shard*.test.ts): fast-check arbitraries
 * built from a route's OpenAPI (JSON Schema) body and query schemas. Each generated request is one
 * of: a value shaped like the schema (often valid, so handlers run), the same with a field of the
 * wrong type, a huge or exotic-unicode string, prototype-pollution keys, arbitrary JSON, malformed
 * JSON text, or a wrong content type.
 */
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

export type Resolve = (ref: string) => JsonSchema;

const HUGE = 'A'.repeat(300_000);
const weird = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  'Zoë 😀 𝕏 ‮',
  'a\u0301',
  '\uD800', // a lone surrogate
  '../../etc/passwd',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  '9'.repeat(400),
  '-0',
  '1e309',
  'null',
  'true',
);
// HUGE is rare per value because a body has many values: at one in ten, four in ten policy bodies held
// one (about 4,000 copies of 300 KB per 10,000 requests), most of the campaign's time went into
// serialising and collecting them, and each told nothing the first few had not.
const nastyString = fc.oneof(
  { weight: 40, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 30, arbitrary: weird },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 2 ** 53, -(2 ** 63), 1.5, [], {}) },
);

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'uuid') return fc.uuid();
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60) });
}

/** Values shaped like `schema`; at each level a small share is replaced by a nasty value. */
export function shaped(schema: JsonSchema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  const s = schema.$ref ? resolve(schema.$ref) : schema;
  const inner = (x: JsonSchema) =>
    fc.oneof({ weight: 9, arbitrary: shaped(x, resolve, depth + 1) }, { weight: 1, arbitrary: nastyValue });
  if (depth > 5) return nastyValue;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((a) => shaped(a, resolve, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return shaped(s.allOf[0]!, resolve, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, inner(v)]));
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    case 'array':
      return fc.array(s.items ? inner(s.items) : nastyValue, {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 6),
      });
    case 'string':
      return stringFor(s);
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(s.maximum ?? 1_000_000, 2 ** 31),
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export interface FuzzBody {
  kind: string;
  contentType: string | undefined;
  payload: string;
}

const POLLUTION = [
  '"__proto__":{"role":"admin","isAdmin":true}',
  '"constructor":{"prototype":{"role":"admin"}}',
  '"prototype":{"x":1}',
];

/** Request bodies for a route whose body schema is `schema`. */
export function bodyArb(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<FuzzBody> {
  const json = (kind: string) => (v: unknown) => ({
    kind,
    contentType: 'application/json',
    payload: JSON.stringify(v) ?? 'null',
  });
  return fc.oneof(
    { weight: 5, arbitrary: shaped(schema, resolve).map(json('shaped')) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json('any-json')) },
    {
      weight: 2,
      arbitrary: fc.tuple(shaped(schema, resolve), fc.constantFrom(...POLLUTION)).map(([v, key]) => {
        const text = JSON.stringify(v) ?? '{}';
        return {
          kind: 'proto-keys',
          contentType: 'application/json',
          payload: text.startsWith('{') ? `{${key}${text === '{}' ? '' : ','}${text.slice(1)}` : `{${key}}`,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped(schema, resolve), fc.nat()).map(([v, cut]) => {
        const text = JSON.stringify(v) ?? '{}';
        return {
          kind: 'malformed-json',
          contentType: 'application/json',
          payload: text.slice(0, cut % Math.max(1, text.length)) + '\u0000{',
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/xml',
            'application/json, text/plain',
            '',
          ),
          fc.oneof(
            shaped(schema, resolve).map((v) => JSON.stringify(v) ?? ''),
            fc.string(),
          ),
        )
        .map(([contentType, payload]) => ({ kind: 'content-type', contentType, payload })),
    },
  );
}

/** Query strings for a route whose query parameters are `params`. */
export function queryArb(
  params: { name: string; schema: JsonSchema }[],
  resolve: Resolve,
): fc.Arbitrary<{ kind: string; query: string }> {
  const object: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
  };
  const encode = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  return fc.oneof(
    {
      weight: 5,
      arbitrary: shaped(object, resolve).map((o) => ({
        kind: 'shaped',
        query: new URLSearchParams(
          Object.entries((o ?? {}) as Record<string, unknown>).map(([k, v]) => [k, encode(v)]),
        ).toString(),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(
          fc.oneof(fc.constantFrom(...params.map((p) => p.name), '__proto__', 'constructor[prototype]'), fc.string()),
          nastyValue,
        )
        .map((o) => ({
          kind: 'nasty',
          query: new URLSearchParams(Object.entries(o).map(([k, v]) => [k, encode(v)])).toString(),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...params.map((p) => p.name)),
          fc.constantFrom('%E0%A4%A', '%', '%%', '%00', '&&&', '=', 'a=1&a=2&a=3', '%FF%FE'),
        )
        .map(([name, raw]) => ({ kind: 'raw', query: `${name}=${raw}&${raw}` })),
    },
  );
}
