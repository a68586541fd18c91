import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { complaintRoutes } from './modules/complaints/complaints.api.ts';
import { systemClock, type Clock } from './modules/complaints/case-context.ts';
import { authenticateApiKey } from './modules/organisations/authenticate-api-key.use-case.ts';
import { policyRoutes } from './modules/organisations/policy.api.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { buildServer } from './platform/http/server.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  db: DatabaseHandle;
  clock?: Clock;
  logLevel?: string;
}

/** Composition root for the HTTP service: database -> use cases -> routes -> server. */
export function buildApp(options: AppOptions): FastifyInstance {
  const deps = { db: options.db, clock: options.clock ?? systemClock };
  return buildServer({
    routes: [...complaintRoutes(deps), ...policyRoutes(deps)],
    authenticate: async (request) => {
      const principal = await authenticateApiKey(options.db, request.headers.authorization);
      return { organisationId: principal.organisationId, name: principal.apiKeyName };
    },
    version: VERSION,
    logLevel: options.logLevel ?? 'info',
  });
}
