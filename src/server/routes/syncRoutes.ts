/**
 * `GET /v1/sync?since=&limit=` — delta sync of the directory (see SyncPage in src/shared/api).
 * Records are stored as validated JSON, so the page is assembled from the stored text without
 * re-parsing: a 5,000-change page costs one indexed range read.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, SyncQuery } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { ChangeRow, DirectoryStore } from '../directory/DirectoryStore.js';

/** A client that has not synced for this long should start again from 0. */
export const SYNC_MAX_AGE_SECONDS = 86_400;

function changeJson(r: ChangeRow): string {
  const head = `{"seq":${r.seq},"kind":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.record_id)}`;
  return r.op === 'upsert' && r.data !== null ? `${head},"op":"upsert","data":${r.data}}` : `${head},"op":"delete"}`;
}

/** `auth` is unused here: the permission hook authenticates (permissions/installPermissions.ts). */
export const syncRoutes: FastifyPluginAsyncZod<{ auth?: AuthService; directory: DirectoryStore }> = async (
  app,
  { directory },
) => {
  app.get(
    '/v1/sync',
    { config: { permission: 'directory.read' }, schema: { querystring: SyncQuery } },
    async (request, reply) => {
      const { since, limit } = request.query;
      const rows = await directory.changesSince(since, limit);
      if (rows.length === 0 && since > 0) {
        const latest = await directory.latestSeq();
        if (since > latest) {
          throw new AppError(
            'bad_request',
            `since: ${since} is newer than the server's latest change (${latest}); the server was probably reset. Sync again from since=0.`,
            'since',
          );
        }
      }
      const seq = rows.length > 0 ? rows[rows.length - 1]!.seq : since;
      const remaining = rows.length > 0 ? await directory.countChangesAfter(seq) : 0;
      const body = `{"seq":${seq},"more":${remaining > 0},"remaining":${remaining},"maxAgeSeconds":${SYNC_MAX_AGE_SECONDS},"changes":[${rows.map(changeJson).join(',')}]}`;
      return reply.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
    },
  );
};
