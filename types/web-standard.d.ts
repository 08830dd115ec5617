/**
 * The few WHATWG globals src/shared uses, which exist both in browsers and in Node ≥ 18. Only the
 * shared typecheck (tsconfig.shared.json, no DOM and no Node types) includes this file, which proves
 * src/shared needs nothing else from either platform.
 */
declare class URLSearchParams {
  constructor(init?: string);
  keys(): IterableIterator<string>;
  get(name: string): string | null;
  getAll(name: string): string[];
}
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  readonly username: string;
  readonly password: string;
}
declare function structuredClone<T>(value: T): T;
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
