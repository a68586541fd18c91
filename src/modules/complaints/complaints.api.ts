import { z } from 'zod';
import { receiveSchema, staffRefSchema, type StaffRef } from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';
import { ConflictError } from '../../platform/errors.ts';
import { API_PREFIX, apiRoute, type ApiRoute, type Principal } from '../../platform/http/api-route.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import type { CaseActor } from './case-actor.ts';
import { actOnComplaint } from './act-on-complaint.use-case.ts';
import { COMPLAINT_COMMANDS } from './complaint-commands.ts';
import type { ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';
import { getComplaint } from './get-complaint.use-case.ts';
import { getTimeline } from './get-timeline.use-case.ts';
import { listComplaints, listComplaintsQuerySchema } from './list-complaints.use-case.ts';
import { receiveComplaintUseCase } from './receive-complaint.use-case.ts';
import { spinOffComplaint } from './spin-off-complaint.use-case.ts';

const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: 'The case id (uuid) or its reference, e.g. PF-2026-000123' }),
});

const actorField = {
  actor: staffRefSchema.meta({
    description:
      'The staff account the integration acts for: it must be active, and its role must allow the action. The event records both.',
  }),
};

/** An integration acting for a member of staff, as the case's record names them. */
const integration = (principal: Principal, ref: StaffRef): CaseActor => ({
  kind: 'integration',
  ref,
  via: { integration: principal.name, apiKeyId: principal.apiKeyId },
});

const IF_MATCH = {
  name: 'If-Match',
  description: 'The case version you are acting on (its ETag); a different current version gives 409',
};

/** Reads If-Match: "3", W/"3" or 3. Anything else is refused rather than ignored. */
function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec((value ?? '').trim());
  if (!match?.[1]) throw new ConflictError('If-Match must be a case version, as given in the ETag header');
  return Number(match[1]);
}

const withEtag = (view: ComplaintView, status = 200) => ({
  status,
  body: view,
  headers: { etag: `"${view.version}"` },
});

export function complaintRoutes(deps: ComplaintDeps): ApiRoute[] {
  const commandRoutes = (Object.keys(COMPLAINT_COMMANDS) as CommandName[]).map((name) =>
    apiRoute({
      method: 'POST',
      path: `/complaints/:id/${name}`,
      operationId: name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()),
      summary: COMPLAINT_COMMANDS[name].summary,
      tag: 'Lifecycle',
      params: idParams,
      // Strict at the top level: a misspelt field is an error, not silently ignored.
      body: COMPLAINT_COMMANDS[name].schema.extend(actorField).strict(),
      headers: [IF_MATCH],
      success: { status: 200, description: 'The complaint after the action, with its deadlines' },
      handler: async ({ principal, params, body, request }) => {
        const { actor, ...input } = body as { actor: StaffRef } & Record<string, unknown>;
        const change = {
          organisationId: principal.organisationId,
          caseRef: params.id,
          actor: integration(principal, actor),
          expectedVersion: expectedVersion(request.headers['if-match']),
        };
        const view =
          name === 'spin-off'
            ? await spinOffComplaint(deps, change, input)
            : await actOnComplaint(deps, change, name, input);
        return withEtag(view);
      },
    }),
  );

  return [
    apiRoute({
      method: 'POST',
      path: '/complaints',
      operationId: 'createComplaint',
      summary: 'Log a complaint received by any channel (receivedAt may be earlier than now)',
      tag: 'Complaints',
      body: receiveSchema.extend({ actor: actorField.actor.optional() }).strict(),
      success: { status: 201, description: 'The complaint, with its reference and deadlines as local dates' },
      handler: async ({ principal, body }) => {
        const { actor, ...input } = body;
        const acting = actor ?? input.receivedBy;
        if (!acting) {
          throw new InvalidInputError(
            'Say which staff account is logging the complaint: give actor (or receivedBy)',
            'actor',
          );
        }
        const view = await receiveComplaintUseCase(
          deps,
          principal.organisationId,
          input,
          integration(principal, acting),
        );
        return {
          ...withEtag(view, 201),
          headers: { etag: `"${view.version}"`, location: `${API_PREFIX}/complaints/${view.id}` },
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/complaints',
      operationId: 'listComplaints',
      summary: 'List complaints, newest first, filtered and paginated (pass nextCursor as cursor)',
      tag: 'Complaints',
      query: listComplaintsQuerySchema,
      success: { status: 200, description: 'A page of complaints' },
      handler: async ({ principal, query }) => ({
        body: await listComplaints(deps, principal.organisationId, query),
      }),
    }),
    apiRoute({
      method: 'GET',
      path: '/complaints/:id',
      operationId: 'getComplaint',
      summary: 'Get one complaint with every deadline and what can be done next',
      tag: 'Complaints',
      params: idParams,
      success: { status: 200, description: 'The complaint' },
      handler: async ({ principal, params }) =>
        withEtag(await getComplaint(deps, principal.organisationId, params.id)),
    }),
    apiRoute({
      method: 'GET',
      path: '/complaints/:id/timeline',
      operationId: 'getTimeline',
      summary: 'Every event on the case: who, when, what, under which policy version',
      tag: 'Complaints',
      params: idParams,
      success: { status: 200, description: 'The timeline, oldest first' },
      handler: async ({ principal, params }) => ({
        body: await getTimeline(deps, principal.organisationId, params.id),
      }),
    }),
    ...commandRoutes,
  ];
}
