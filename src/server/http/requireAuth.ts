/** Bearer authentication for protected routes: sets `request.principal` or fails with 401. */
import type { FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../auth/AuthService.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function requireAuth(auth: AuthService) {
  return async (request: FastifyRequest): Promise<void> => {
    // Already authenticated by the permission hook (permissions/installPermissions.ts): no second lookup.
    if (request.principal) return;
    request.principal = await auth.authenticate(bearerToken(request));
  };
}
