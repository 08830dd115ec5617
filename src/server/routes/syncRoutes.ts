/**
 * `GET /v1/sync?since=&limit=` — delta sync of the directory (see SyncPage in src/shared/api).
 * Pages are built once and served from memory (sync/syncPage.ts): compressed with brotli or gzip
 * when the client accepts it, with a strong ETag, and `If-None-Match` answered with 304.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, SYNC_CURSOR_HEADER, SyncQuery } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { negotiateEncoding } from '../http/acceptEncoding.js';
import { SyncPageCache } from '../sync/SyncPageCache.js';
import { SyncPageWarmer, type WarmerOptions } from '../sync/SyncPageWarmer.js';
import { syncPage } from '../sync/syncPage.js';

export { SYNC_MAX_AGE_SECONDS } from '../sync/syncPage.js';

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 §13.1.2: `W/` ignored on both). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** `auth` is unused here: the permission hook authenticates (permissions/installPermissions.ts). */
export const syncRoutes: FastifyPluginAsyncZod<{
  auth?: AuthService;
  directory: DirectoryStore;
  /** Built pages (default: 64 MiB per server process). */
  pageCache?: SyncPageCache;
  /** Build pages before desktops ask (sync/SyncPageWarmer.ts); off unless given. */
  warm?: WarmerOptions;
}> = async (app, { directory, pageCache, warm }) => {
  const cache = pageCache ?? new SyncPageCache(undefined, app.log);
  const warmer = warm ? new SyncPageWarmer(directory, cache, app.log, warm) : null;
  if (warmer) {
    app.addHook('onReady', async () => warmer.start());
    app.addHook('onClose', async () => warmer.stop());
  }
  app.get(
    '/v1/sync',
    { config: { permission: 'directory.read' }, schema: { querystring: SyncQuery } },
    async (request, reply) => {
      const { since, limit } = request.query;
      // The permission hook has authenticated: a principal is always present here.
      const role = request.principal?.user.role ?? 'none';
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      const page = await syncPage(directory, cache, { since, limit, role, encoding });
      warmer?.requested({ role, limit, encoding }, 'more' in page && page.more);
      if ('tooNew' in page) {
        throw new AppError(
          'bad_request',
          `since: ${since} is newer than the server's latest change (${page.tooNew}); the server was probably reset. Sync again from since=0.`,
          'since',
        );
      }
      // no-store: directory data stays out of shared caches; the client revalidates by ETag itself.
      reply.header('Cache-Control', 'no-store').header('Vary', 'Accept-Encoding').header('ETag', page.etag);
      if (notModified(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
      if (page.encoding !== 'identity') reply.header('Content-Encoding', page.encoding);
      if (page.cursor) reply.header(SYNC_CURSOR_HEADER, JSON.stringify(page.cursor));
      return reply.type('application/json; charset=utf-8').send(page.body);
    },
  );
};
