import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings, requestSchemas } from '../ipc/contract.js';
import { ServerUrl, serverUrlProblem } from './serverUrl.js';

const octet = fc.integer({ min: 0, max: 255 });
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const withPort = (host: string, p: number | undefined) => (p === undefined ? host : `${host}:${p}`);
const path = fc.constantFrom('', '/', '/callsign', '/api/v1/');
/** Public host names and addresses: never loopback. */
const remoteHost = fc.oneof(
  fc.domain().filter((d) => d !== 'localhost' && !d.endsWith('.localhost')),
  fc
    .tuple(
      octet.filter((o) => o !== 127),
      octet,
      octet,
      octet,
    )
    .map((a) => a.join('.')),
  fc.constantFrom('[2001:db8::1]', '[fe80::1]', '[::]', '0.0.0.0', '[::ffff:7f00:1]'),
);
const loopbackHost = fc.oneof(
  fc.constant('localhost'),
  fc.constant('LOCALHOST'),
  fc.constant('[::1]'),
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `127.${a}.${b}.${c}`),
);

describe('server URL check (finding 4: no passwords in clear over the network)', () => {
  it('accepts every https:// URL', () => {
    fc.assert(
      fc.property(fc.oneof(remoteHost, loopbackHost), port, path, (h, p, s) => {
        expect(serverUrlProblem(`https://${withPort(h, p)}${s}`)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts http:// only for loopback (127.0.0.0/8, ::1, localhost)', () => {
    fc.assert(
      fc.property(loopbackHost, port, path, (h, p, s) => {
        expect(serverUrlProblem(`http://${withPort(h, p)}${s}`)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses http:// to any other host, saying to use https', () => {
    fc.assert(
      fc.property(remoteHost, port, path, (h, p, s) => {
        expect(serverUrlProblem(`http://${withPort(h, p)}${s}`)).toMatch(/https:\/\//);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any scheme other than http(s), and any string that is not a URL', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,9}$/).filter((s) => s !== 'http' && s !== 'https');
    fc.assert(
      fc.property(scheme, fc.oneof(remoteHost, loopbackHost), (s, h) => {
        expect(serverUrlProblem(`${s}://${h}/`)).toBeDefined();
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        // Whatever the input, the check answers (never throws) and accepts only http(s).
        const problem = serverUrlProblem(s);
        if (problem === undefined) expect(new URL(s).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 5000 },
    );
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'ws://127.0.0.1:4317', 'ftp://x.example', 'x'])
      expect(serverUrlProblem(bad)).toBeDefined();
  });

  it('refuses a user name or password inside the URL (no secret in a URL)', () => {
    expect(serverUrlProblem('https://admin:hunter2@callsign.example.com')).toMatch(/user name or password/);
  });

  it('names the field and says what to do, in Settings and session.login', () => {
    const s = Settings.safeParse({ serverUrl: 'http://callsign.example.com' });
    expect(s.success).toBe(false);
    expect(s.error?.issues[0]?.path).toEqual(['serverUrl']);
    expect(s.error?.issues[0]?.message).toMatch(/server address must use https:\/\//);
    const login = requestSchemas['session.login'].safeParse({
      email: 'a@b.co',
      password: 'x',
      serverUrl: 'ftp://callsign.example.com',
    });
    expect(login.error?.issues[0]?.path).toEqual(['serverUrl']);
    expect(ServerUrl.safeParse('https://callsign.example.com').success).toBe(true);
    expect(ServerUrl.safeParse('http://10.0.0.5:4317').success).toBe(false);
  });
});
