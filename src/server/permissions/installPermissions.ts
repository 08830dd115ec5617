/**
 * Access control for every route, in one place. Each route declares `config: { permission }` (see
 * src/shared/auth/permissions.ts); a route without one fails at start-up, so nothing is reachable by
 * accident. One onRequest hook — before the body is read or validated — authenticates the bearer
 * token for non-public routes and answers 403 `forbidden` when the role lacks the permission.
 * `app.routePermissions` lists every route with its permission (the route × role test walks it).
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../../shared/api/index.js';
import { hasPermission, leastRoleWith, type RoutePermission } from '../../shared/auth/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { bearerToken } from '../http/requireAuth.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller needs: a permission from the role table, or `public`. Required on every route. */
    permission?: RoutePermission;
  }
  interface FastifyInstance {
    routePermissions: readonly RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission;
}

/** Routes added by plugins rather than by us: CORS preflight and the API docs (public by nature). */
const PLUGIN_ROUTE = (method: string, url: string) =>
  (method === 'OPTIONS' && url === '*') || url === '/docs' || url.startsWith('/docs/');

function forbidden(role: string, permission: Exclude<RoutePermission, 'public'>): AppError {
  return new AppError(
    'forbidden',
    `Your role (${role}) cannot do this: it needs the "${permission}" permission, which starts with the ${leastRoleWith(permission)} role. Ask an administrator if you need it.`,
  );
}

/**
 * Call on the root instance before any route or plugin is registered (collects and checks every
 * route's permission), then `enforcePermissions` once helmet and CORS are registered, so that their
 * headers are on 401/403 answers too.
 */
export function installPermissions(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routePermissions', routes);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    const declared = route.config?.permission;
    const permission = declared ?? (methods.every((m) => PLUGIN_ROUTE(m, route.url)) ? 'public' : undefined);
    if (!permission) {
      throw new Error(
        `${methods.join(',')} ${route.url} declares no permission: add config: { permission } (src/shared/auth/permissions.ts) to the route.`,
      );
    }
    route.config = { ...route.config, permission };
    // The OpenAPI document shows what each operation needs (public ones need no bearer token).
    if (route.schema && !PLUGIN_ROUTE(methods[0]!, route.url)) {
      route.schema =
        permission === 'public'
          ? { ...route.schema, security: [] }
          : { ...route.schema, description: `Requires the \`${permission}\` permission.` };
    }
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, permission });
  });
}

/** The one access check: authenticate, then the role table. Runs after helmet's and CORS's hooks. */
export function enforcePermissions(app: FastifyInstance, auth: AuthService): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const permission = request.routeOptions.config?.permission;
    if (permission === undefined || permission === 'public') return; // unknown URL (404) or public route
    request.principal = await auth.authenticate(bearerToken(request));
    const { role } = request.principal.user;
    if (!hasPermission(role, permission)) throw forbidden(role, permission);
  });
}

/** For handlers that widen what they show or allow by permission (e.g. everyone's devices). */
export function principalCan(request: FastifyRequest, permission: RoutePermission): boolean {
  return request.principal !== null && hasPermission(request.principal.user.role, permission);
}
