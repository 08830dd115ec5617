/**
 * A fast check that a value is already what a zod schema would return for it ("canonical"): valid,
 * every default already present, no unknown key to strip. For such a value `schema.parse(value)` is a
 * deep copy of it, so it can be used as it is, without parsing.
 *
 * Why: a first sync validates 130k directory records. zod 4 runs without its JIT in the renderer (the
 * CSP forbids `new Function`), ~20 µs a record: 2.6 s of a 100k first sync (bench:lookup CPU profile),
 * on a 2-core machine where every thread is busy. The server sends records as its own zod schemas
 * parsed them, so nearly every record is canonical; checked here, a record costs well under 1 µs.
 *
 * The check is built once per schema from the schema's own definition (`_zod.def`), so a field added
 * to a schema is checked without touching this file. It knows a deliberately small set of zod
 * constructs; anything else (transforms, coercion, records, nullable, unknown check kinds…) makes it
 * answer false, and the caller parses with zod as before. So a false answer is always safe: it only
 * costs speed. A true answer promises `schema.safeParse(value)` succeeds with data deep-equal to the
 * value: canonical.test.ts checks that promise against zod with generated and mutated records.
 */
import type { z } from 'zod';

/** True only when `schema.parse(value)` would succeed and return a deep copy of `value`. */
export type CanonicalCheck = (value: unknown) => boolean;

// zod 4's definitions, as far as they are read here (zod's own types of `_zod.def` are per class).
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: Check[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  check?: string;
}
interface Schema {
  _zod: { def: Def };
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
}
interface Check {
  _zod: { def: CheckDef };
}

const NEVER: CanonicalCheck = () => false;
/** Schemas that leave an absent value absent (inside an optional). */
const PLAIN = new Set(['string', 'number', 'boolean', 'literal', 'enum', 'array', 'object', 'union']);
const cache = new WeakMap<object, CanonicalCheck>();

/** The canonical check of `schema` (built once per schema object). */
export function canonicalCheck(schema: z.ZodType): CanonicalCheck {
  return compile(schema as unknown as Schema);
}

function compile(schema: Schema): CanonicalCheck {
  const known = cache.get(schema);
  if (known) return known;
  // Recursive schemas (none today) would meet themselves here: answer through the cache once built.
  let built: CanonicalCheck = NEVER;
  cache.set(schema, (v) => built(v));
  built = build(schema._zod.def);
  cache.set(schema, built);
  return built;
}

function build(def: Def): CanonicalCheck {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string':
      return def.coerce ? NEVER : withChecks((v) => typeof v === 'string', [...formatOf(def), ...checks]);
    case 'number':
      return def.coerce ? NEVER : withChecks((v) => typeof v === 'number' && Number.isFinite(v), checks);
    case 'boolean':
      return def.coerce ? NEVER : withChecks((v) => typeof v === 'boolean', checks);
    case 'literal': {
      const values = def.values ?? [];
      return withChecks((v) => values.includes(v), checks);
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return withChecks((v) => values.includes(v), checks);
    }
    case 'unknown':
    case 'any':
      return withChecks(() => true, checks);
    case 'optional':
    case 'default':
      // A present value is parsed by the inner schema; an absent one is the object's business (see below).
      return def.innerType && !checks.length ? compile(def.innerType) : NEVER;
    case 'array': {
      if (!def.element) return NEVER;
      const element = compile(def.element);
      return withChecks((v) => {
        if (!Array.isArray(v)) return false;
        for (const x of v) if (!element(x)) return false;
        return true;
      }, checks);
    }
    case 'object':
      return def.catchall || !def.shape ? NEVER : withChecks(objectCheck(def.shape), checks);
    case 'union':
      // Only discriminated unions: zod picks the one option whose discriminator value matches, and
      // option values are disjoint (zod refuses duplicates), so an option that accepts is that option.
      if (!def.discriminator || !def.options) return NEVER;
      return withChecks(anyOf(def.options.map(compile)), checks);
    default:
      return NEVER;
  }
}

/** A string format schema (z.email(), z.string().regex() is a check instead) checks its own pattern. */
function formatOf(def: Def): CheckDef[] {
  if (def.format === undefined) return [];
  return [{ check: 'string_format', format: def.format, ...(def.pattern ? { pattern: def.pattern } : {}) }];
}

function anyOf(options: CanonicalCheck[]): CanonicalCheck {
  return (v) => options.some((o) => o(v));
}

function objectCheck(shape: Record<string, Schema>): CanonicalCheck {
  const fields = Object.entries(shape).map(([key, s]) => ({
    key,
    // An absent key is canonical only when zod leaves it absent: optional around a schema with no
    // default of its own (zod runs an inner default, prefault or catch on an absent value).
    mayBeAbsent: s._zod.def.type === 'optional' && PLAIN.has(s._zod.def.innerType?._zod.def.type ?? ''),
    check: compile(s),
  }));
  const keys = new Set(fields.map((f) => f.key));
  return (v) => {
    if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
    const o = v as Record<string, unknown>;
    // An unknown key would be stripped by zod (so zod's data would differ from the value).
    for (const k in o) if (!keys.has(k)) return false;
    for (const f of fields) {
      if (!Object.hasOwn(o, f.key)) {
        if (!f.mayBeAbsent) return false;
      } else if (!f.check(o[f.key])) return false;
    }
    return true;
  };
}

/** `base` and then every check zod would run; a check kind not known here makes the answer false. */
function withChecks(base: CanonicalCheck, checks: readonly CheckDef[]): CanonicalCheck {
  const tests = checks.map(checkTest);
  if (tests.some((t) => t === undefined)) return NEVER;
  const all = tests as Array<(v: unknown) => boolean>;
  // Most schemas have no check or one: no loop for them (this runs ~40 times a profile).
  if (all.length === 0) return base;
  if (all.length === 1) {
    const only = all[0]!;
    return (v) => base(v) && only(v);
  }
  return (v) => {
    if (!base(v)) return false;
    for (const t of all) if (!t(v)) return false;
    return true;
  };
}

const lengthOf = (v: unknown) => (v as { length: number }).length;

function checkTest(c: CheckDef): ((v: unknown) => boolean) | undefined {
  switch (c.check) {
    case 'min_length':
      return c.minimum === undefined ? undefined : (v) => lengthOf(v) >= c.minimum!;
    case 'max_length':
      return c.maximum === undefined ? undefined : (v) => lengthOf(v) <= c.maximum!;
    case 'length_equals':
      return c.length === undefined ? undefined : (v) => lengthOf(v) === c.length;
    case 'string_format': {
      // Only formats that are a pattern and nothing else (a url or a date has more checks in zod).
      const pattern = c.pattern;
      if ((c.format !== 'regex' && c.format !== 'email') || !(pattern instanceof RegExp)) return undefined;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    case 'number_format':
      return c.format === 'safeint' ? (v) => Number.isSafeInteger(v) : undefined;
    case 'greater_than':
      return c.value === undefined
        ? undefined
        : c.inclusive
          ? (v) => (v as number) >= c.value!
          : (v) => (v as number) > c.value!;
    case 'less_than':
      return c.value === undefined
        ? undefined
        : c.inclusive
          ? (v) => (v as number) <= c.value!
          : (v) => (v as number) < c.value!;
    case 'custom': {
      // A refinement: zod runs its function on the parsed value, which is the value itself here.
      const fn = c.fn;
      return typeof fn === 'function' ? (v) => fn(v) === true : undefined;
    }
    default:
      return undefined;
  }
}
