/**
 * Test support for the vault: a fake rotation target that remembers each account's password (so a
 * test can "log in" with it), can refuse to be reached, or can die after changing the password —
 * a crash between the pending write and the commit — plus helpers to create accounts and check out.
 */
import { bearer, type TestApp } from '../../testing/createTestApp.js';
import { RotationError, type RotationDriver, type RotationTarget } from '../RotationDriver.js';

export class FakeTargetDriver implements RotationDriver {
  readonly name = 'simulated-agent' as const;
  readonly passwords = new Map<string, string>();
  readonly sets: Array<{ credentialId: string }> = [];
  /** `down`: unreachable; `crash`: sets the password then never answers (the process "dies"). */
  mode: 'up' | 'down' | 'crash' = 'up';

  async setPassword(target: RotationTarget, _current: string, next: string): Promise<void> {
    if (this.mode === 'down') throw new RotationError(`cannot reach the agent for ${target.username}`);
    this.passwords.set(target.credentialId, next);
    this.sets.push({ credentialId: target.credentialId });
    if (this.mode === 'crash') await new Promise(() => undefined);
  }

  async verify(target: RotationTarget, secret: string): Promise<boolean> {
    if (this.mode === 'down') throw new RotationError('cannot reach the agent');
    const known = this.passwords.get(target.credentialId);
    return known === undefined || known === secret;
  }
}

export const SITE = 'site-northwind';
export const OTHER_SITE = 'site-fabrikam';

export function account(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: SITE,
    name: 'NOC maintenance',
    category: 'server',
    accountType: 'domain',
    domain: 'corp.northwindtraders.com',
    username: 'svc-noc',
    kind: 'dynamic',
    resources: ['NW-DC01'],
    backOfficeAccess: true,
    driver: 'simulated-agent',
    secret: 'Initial-Secret-1',
    ...overrides,
  };
}

export async function createAccount(t: TestApp, adminToken: string, overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/admin/credentials',
    headers: bearer(adminToken),
    payload: account(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>();
}

export const checkoutBody = (extra: Record<string, unknown> = {}) => ({
  reason: 'Patch window',
  ticket: 'INC-1234',
  ...extra,
});

export function checkout(t: TestApp, token: string, id: string, extra: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/credentials/${id}/checkout`,
    headers: bearer(token),
    payload: checkoutBody(extra),
  });
}

export function checkin(t: TestApp, token: string, leaseId: string) {
  return t.app.inject({ method: 'POST', url: `/v1/leases/${leaseId}/checkin`, headers: bearer(token) });
}
