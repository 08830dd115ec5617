import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api/index.js';
import { hasPermission, ROLE_PERMISSIONS } from '../../shared/auth/index.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { installPermissions } from './installPermissions.js';

let t: TestApp;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const a of DEMO_ACCOUNTS) tokens.set(a.role, (await t.login(a.email)).accessToken);
});
afterAll(() => t.close());

const fill = (url: string) => url.replace(/:(\w+)/g, 'no-such-$1');

describe('route permissions', () => {
  it('every route declares a permission from the table (or public)', () => {
    const routes = t.app.routePermissions;
    expect(routes.length).toBeGreaterThan(30);
    const known = new Set<string>(['public', ...ROLE_PERMISSIONS.admin]);
    for (const r of routes) expect(known.has(r.permission), `${r.method} ${r.url}`).toBe(true);
    const publicRoutes = routes
      .filter((r) => r.permission === 'public' && !r.url.startsWith('/docs') && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /v1/health',
      'POST /v1/auth/login',
      'POST /v1/auth/logout',
      'POST /v1/auth/password/choose', // after a one-time password: its passwordChangeToken is the credential
      'POST /v1/auth/refresh',
      'POST /v1/auth/totp',
      'POST /v1/cti/events', // the phone system's own integration token, checked by the route (cti/ctiEventRoutes.ts)
    ]);
  });

  it('walks every route × every role: 403 forbidden where the table denies, never 401/403/5xx where it allows', async () => {
    const routes = t.app.routePermissions.filter((r) => r.permission !== 'public');
    let checked = 0;
    for (const route of routes) {
      for (const [role, token] of tokens) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: bearer(token),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const where = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (hasPermission(role, route.permission)) {
          expect([401, 403], where).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, where).toBe(403);
          expect(res.json().error, where).toMatchObject({ code: 'forbidden' });
          expect(res.json().error.message, where).toContain(route.permission);
        }
        checked++;
      }
    }
    expect(checked).toBe(routes.length * 4);
    // The vault's routes (issue 10) are in the walk, each with its permission.
    const declared = new Map(routes.map((r) => [`${r.method} ${r.url}`, r.permission]));
    expect(Object.fromEntries([...declared].filter(([k]) => /credentials|leases|vault/.test(k)))).toEqual({
      'GET /v1/sites/:siteId/credentials': 'credentials.checkout',
      'POST /v1/credentials/:id/checkout': 'credentials.checkout',
      'POST /v1/leases/:leaseId/checkin': 'credentials.checkout',
      'POST /v1/credentials/:id/force-checkin': 'credentials.force_checkin',
      'POST /v1/leases/:leaseId/events': 'credentials.checkout',
      'GET /v1/admin/credentials': 'admin.read',
      'POST /v1/admin/credentials': 'directory.write',
      'PATCH /v1/admin/credentials/:id': 'directory.write',
      'DELETE /v1/admin/credentials/:id': 'directory.write',
      'PUT /v1/admin/sites/:siteId/vault-directory': 'directory.write',
      'GET /v1/admin/vault/settings': 'admin.read',
      'PUT /v1/admin/vault/settings': 'directory.write',
    });
    // Incoming calls (issue 13): integrations and extensions are admin-only; the call log is everyone's.
    expect(Object.fromEntries([...declared].filter(([k]) => /cti/.test(k)))).toEqual({
      'GET /v1/admin/cti/integrations': 'admin.read',
      'POST /v1/admin/cti/integrations': 'accounts.manage',
      'DELETE /v1/admin/cti/integrations/:id': 'accounts.manage',
      'GET /v1/admin/cti/extensions': 'admin.read',
      'PUT /v1/admin/users/:id/cti-extension': 'accounts.manage',
      'GET /v1/cti/calls': 'directory.read',
      'POST /v1/cti/calls/:id/attach': 'directory.write',
    });
    // One's own password (issue 16): every role changes its own, signed in.
    expect(Object.fromEntries([...declared].filter(([k]) => /auth\/password/.test(k)))).toEqual({
      'POST /v1/auth/password': 'account.self',
    });
    // Profile spreadsheets (issue 16): supervisors export, administrators import.
    expect(Object.fromEntries([...declared].filter(([k]) => /profiles\/(export|import)|imports/.test(k)))).toEqual({
      'GET /v1/admin/sites/:siteId/profiles/export': 'admin.read',
      'POST /v1/admin/sites/:siteId/profiles/import': 'directory.write',
      'GET /v1/admin/imports/:token': 'directory.write',
      'POST /v1/admin/imports/:token/apply': 'directory.write',
    });
    // The supervisors' approval review (issue 15): audit.read, so a technician or NOC user gets 403.
    expect(Object.fromEntries([...declared].filter(([k]) => /^GET \/v1\/(approvals|audit)/.test(k)))).toEqual({
      'GET /v1/approvals': 'audit.read',
      'GET /v1/approvals/:id': 'audit.read',
      'GET /v1/approvals/stats': 'audit.read',
      'GET /v1/approvals/checkouts': 'audit.read',
      'GET /v1/approvals/export': 'audit.read',
      'GET /v1/audit': 'audit.read',
      'GET /v1/audit/verify': 'audit.read',
    });
  });

  it('asks for a token (401) before anything else on every non-public route', async () => {
    for (const route of t.app.routePermissions.filter((r) => r.permission !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url),
        payload: route.method === 'POST' ? { junk: 'x'.repeat(10) } : undefined,
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });

  it('refuses to start when a route declares no permission', async () => {
    const app = Fastify();
    installPermissions(app);
    expect(() => app.get('/v1/forgotten', async () => 'x')).toThrow(/GET \/v1\/forgotten declares no permission/);
    app.get('/v1/declared', { config: { permission: 'public' } }, async () => 'x');
    await app.close();
  });
});
