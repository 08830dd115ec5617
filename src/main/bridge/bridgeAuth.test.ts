import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAllowedHost, isAllowedOrigin, newToken, readCookie, tokensEqual } from './bridgeAuth.js';

describe('bridge guards', () => {
  it('accepts only its own loopback host and origin', () => {
    expect(isAllowedHost('127.0.0.1:4400', 4400)).toBe(true);
    expect(isAllowedHost('localhost:4400', 4400)).toBe(true);
    expect(isAllowedHost('evil.example:4400', 4400)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4401', 4400)).toBe(false);
    expect(isAllowedHost(undefined, 4400)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4400', 4400)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', 4400)).toBe(false);
    expect(isAllowedOrigin('null', 4400)).toBe(false);
    expect(isAllowedOrigin(undefined, 4400)).toBe(false);
  });
  it('makes unguessable tokens and compares them exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(tokensEqual(a, a)).toBe(true);
    fc.assert(fc.property(fc.string(), (s) => tokensEqual(s, a) === (s === a)));
  });
  it('reads a cookie by name', () => {
    expect(readCookie('a=1; callsign_bridge=abc=; b=2', 'callsign_bridge')).toBe('abc=');
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });
});
