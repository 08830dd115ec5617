import { describe, expect, it } from 'vitest';
import { BridgeSessions, BRIDGE_SESSION_ABSOLUTE_MS, BRIDGE_SESSION_IDLE_MS } from './bridgeSessions.js';
import { IDLE_SIGN_OUT_MS } from '../../shared/auth/idleTimeout.js';

function sessions(token = 'launch-token') {
  let t = 1_000_000;
  let n = 0;
  const s = new BridgeSessions({ token, now: () => t, newId: () => `sid${++n}`, newToken: () => `fresh${n}` });
  return { s, advance: (ms: number) => (t += ms) };
}

describe('BridgeSessions', () => {
  it('lets the launch token be exchanged once; a second exchange is refused as used', () => {
    const { s } = sessions();
    expect(s.exchange('wrong')).toEqual({ ok: false, why: 'token' });
    const first = s.exchange('launch-token');
    expect(first).toEqual({ ok: true, id: 'sid1', maxAgeSeconds: BRIDGE_SESSION_ABSOLUTE_MS / 1000 });
    expect(s.exchange('launch-token')).toEqual({ ok: false, why: 'used' });
    expect(s.check('sid1')).toBe('ok'); // the cookie keeps working after the one exchange (reloads)
  });

  it('reissues a fresh launch token on request; the old one stays dead', () => {
    const { s } = sessions();
    s.exchange('launch-token');
    const fresh = s.reissue();
    expect(fresh).not.toBe('launch-token');
    expect(s.exchange('launch-token')).toEqual({ ok: false, why: 'used' });
    expect(s.exchange(fresh)).toMatchObject({ ok: true });
  });

  it('expires a session idle for the app idle sign-out time, counted from its last open socket', () => {
    expect(BRIDGE_SESSION_IDLE_MS).toBe(IDLE_SIGN_OUT_MS);
    const { s, advance } = sessions();
    s.exchange('launch-token');
    s.opened('sid1');
    advance(BRIDGE_SESSION_IDLE_MS * 3); // an open page is not idle
    expect(s.check('sid1')).toBe('ok');
    s.closed('sid1');
    advance(BRIDGE_SESSION_IDLE_MS - 1);
    expect(s.check('sid1')).toBe('ok');
    advance(2);
    expect(s.check('sid1')).toBe('expired');
    expect(s.check('sid1')).toBe('unknown'); // forgotten once expired
  });

  it('expires every session after the absolute lifetime (12 h), open socket or not', () => {
    expect(BRIDGE_SESSION_ABSOLUTE_MS).toBe(12 * 3600_000);
    const { s, advance } = sessions();
    s.exchange('launch-token');
    s.opened('sid1');
    advance(BRIDGE_SESSION_ABSOLUTE_MS);
    expect(s.check('sid1')).toBe('expired');
  });

  it('knows nothing of ids it did not issue', () => {
    const { s } = sessions();
    expect(s.check(undefined)).toBe('unknown');
    expect(s.check('sid1')).toBe('unknown');
  });
});
