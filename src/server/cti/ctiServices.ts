/** Wiring of incoming calls (issue 13): the store, the event service with its hub, and the routes. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditSink } from '../audit/AuditLog.js';
import type { AuthService } from '../auth/AuthService.js';
import type { UserStore } from '../auth/UserStore.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { CallHub } from './CallHub.js';
import { ctiAdminRoutes } from './ctiAdminRoutes.js';
import { ctiEventRoutes } from './ctiEventRoutes.js';
import { CtiService, type CallerLookup } from './CtiService.js';
import { CtiStore } from './CtiStore.js';
import { attachCtiStream, type CtiStreamOptions } from './ctiStream.js';

export interface CtiServices {
  store: CtiStore;
  service: CtiService;
  hub: CallHub;
}

export function createCtiServices(deps: {
  db: Kysely<Database>;
  now: () => number;
  lookup: CallerLookup;
}): CtiServices {
  const store = new CtiStore(deps.db, deps.now);
  const hub = new CallHub();
  return { store, hub, service: new CtiService(store, deps.lookup, hub, deps.now) };
}

export async function registerCtiRoutes(
  app: FastifyInstance,
  cti: CtiServices,
  deps: { auth: AuthService; audit: AuditSink; users: UserStore; directory: DirectoryStore; now: () => number },
  stream?: CtiStreamOptions,
): Promise<void> {
  cti.service.log = app.log;
  await app.register(ctiEventRoutes, { store: cti.store, service: cti.service, now: deps.now });
  await app.register(ctiAdminRoutes, {
    store: cti.store,
    audit: deps.audit,
    users: deps.users,
    directory: deps.directory,
  });
  attachCtiStream(app, { auth: deps.auth, hub: cti.hub }, stream);
}
