/**
 * Test support for the vault: a fake rotation target that remembers each account's password (so a
 * test can "log in" with it), can refuse to be reached, or can die after changing the password —
 * a crash between the pending write and the commit — plus helpers to create accounts and check out.
 */
import { bearer, type TestApp } from '../../testing/createTestApp.js';
import { RotationError, type RotationDriver, type RotationTarget } from '../RotationDriver.js';

export class FakeTargetDriver implements RotationDriver {
  readonly name = 'simulated-agent' as const;
  readonly passwords: Map<string, string> = new Map();
  readonly sets: Array<{ credentialId: string }> = [];
  /**
   * `down`: unreachable. `crash-after-set` / `crash-before-set`: the call never answers (until
   * `release()`), as if the process died after / before the target changed.
   */
  mode: 'up' | 'down' | 'crash-after-set' | 'crash-before-set' = 'up';
  private hung: Array<() => void> = [];

  constructor(shared?: FakeTargetDriver) {
    if (shared) this.passwords = shared.passwords; // a second "process" talking to the same target
  }

  async setPassword(target: RotationTarget, _current: string, next: string): Promise<void> {
    if (this.mode === 'down') throw new RotationError(`cannot reach the agent for ${target.username}`);
    if (this.mode === 'crash-before-set') await this.hang();
    this.passwords.set(target.credentialId, next);
    this.sets.push({ credentialId: target.credentialId });
    if (this.mode === 'crash-after-set') await this.hang();
  }

  /** Ends the hung calls with an error (the "dead" process's work is dropped). */
  release(): void {
    for (const r of this.hung.splice(0)) r();
  }

  private hang(): Promise<never> {
    return new Promise((_resolve, reject) => this.hung.push(() => reject(new RotationError('process died'))));
  }

  async verify(target: RotationTarget, secret: string): Promise<boolean> {
    if (this.mode === 'down') throw new RotationError('cannot reach the agent');
    return this.passwords.get(target.credentialId) === secret;
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

/** Creates an account through the admin route; `target` learns its initial password (the account exists there). */
export async function createAccount(
  t: TestApp,
  adminToken: string,
  overrides: Record<string, unknown> = {},
  target?: FakeTargetDriver,
) {
  const payload = account(overrides);
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/admin/credentials',
    headers: bearer(adminToken),
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  const created = res.json<{ id: string }>();
  target?.passwords.set(created.id, String(payload.secret));
  return created;
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
