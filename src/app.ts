import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EVIDENCE_BYTES } from './domain/evidence/evidence.ts';
import { evidencePages } from './modules/evidence/evidence.pages.ts';
import { diskFileStore, type FileStore } from './platform/files/file-store.ts';
import type { FastifyInstance } from 'fastify';
import { administrationPages } from './modules/administration/administration.pages.ts';
import { caseExportRoutes } from './modules/case-export/case-export.api.ts';
import { caseExportPages } from './modules/case-export/case-export.pages.ts';
import { caseListPages } from './modules/casework/case-list.pages.ts';
import { casePages } from './modules/casework/case.pages.ts';
import { dashboardPages } from './modules/casework/dashboard.pages.ts';
import { teamPages } from './modules/team/team.pages.ts';
import { taskPages } from './modules/tasks/task.pages.ts';
import { contactPages } from './modules/contacts/contact.pages.ts';
import { complaintRoutes } from './modules/complaints/complaints.api.ts';
import { systemClock, type Clock } from './modules/complaints/case-context.ts';
import { authenticateApiKey } from './modules/organisations/authenticate-api-key.use-case.ts';
import { policyRoutes } from './modules/organisations/policy.api.ts';
import { adminStaffPages } from './modules/staff/admin-staff.pages.ts';
import { resolveSession } from './modules/staff/resolve-session.use-case.ts';
import { PATHS, staffLayout } from './modules/staff/staff-layout.ts';
import { staffPages } from './modules/staff/staff.pages.ts';
import type { TrustProxy } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { buildServer } from './platform/http/server.ts';
import { createWebLayer } from './platform/web/web-layer.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  db: DatabaseHandle;
  clock?: Clock;
  logLevel?: string;
  /** Whose X-Forwarded-* headers to believe; see TRUST_PROXY in config.ts. */
  trustProxy?: TrustProxy;
  /** Where evidence files are kept (outside the web root); a new temporary folder when absent. */
  evidenceDir?: string;
}

type Deps = { db: DatabaseHandle; clock: Clock; files: FileStore };

/** Every staff page (the fuzz test walks them all). */
export function staffPageRoutes(deps: Deps) {
  return [
    ...staffPages(deps),
    ...dashboardPages(deps),
    ...caseListPages(deps),
    ...caseExportPages(deps),
    ...casePages(deps),
    ...teamPages(deps),
    ...taskPages(deps),
    ...evidencePages(deps),
    ...contactPages(deps),
    ...administrationPages(deps),
    ...adminStaffPages(deps),
  ];
}

/** Composition root for the HTTP service: database -> use cases -> routes (API and pages) -> server. */
export function buildApp(options: AppOptions): FastifyInstance {
  const deps = {
    db: options.db,
    clock: options.clock ?? systemClock,
    // Tests and the in-memory demo get a folder of their own; the server names one in its data folder.
    files: diskFileStore(options.evidenceDir ?? mkdtempSync(join(tmpdir(), 'putright-evidence-'))),
  };
  const web = createWebLayer({
    pages: staffPageRoutes(deps),
    resolvePrincipal: (cookie) => resolveSession(deps, cookie),
    layout: staffLayout,
    paths: { signIn: PATHS.signIn, home: PATHS.home, changePassword: PATHS.changePassword },
    version: VERSION,
    maxUploadBytes: MAX_EVIDENCE_BYTES,
  });
  return buildServer({
    routes: [...caseExportRoutes(deps), ...complaintRoutes(deps), ...policyRoutes(deps)],
    authenticate: async (request) => {
      const principal = await authenticateApiKey(deps, request.headers.authorization);
      return {
        organisationId: principal.organisationId,
        name: principal.apiKeyName,
        apiKeyId: principal.apiKeyId,
      };
    },
    web,
    version: VERSION,
    logLevel: options.logLevel ?? 'info',
    trustProxy: options.trustProxy ?? false,
  });
}
