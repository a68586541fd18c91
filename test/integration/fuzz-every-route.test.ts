import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { staffPageRoutes } from '../../src/app.ts';
import { PATHS } from '../../src/modules/staff/staff-layout.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  HANDLER,
  OFFICER,
  startTestApp,
  TEST_STAFF,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import {
  forgedAuditCursor,
  forgedListCursor,
  headerText,
  nastyRawBody,
  nastyText,
  nastyValue,
  pathSegment,
  queryString,
  valueFor,
  type Hints,
  type JsonSchema,
} from '../support/fuzz-arbitraries.ts';
import { signedIn, type TestBrowser } from '../support/web-client.ts';

/**
 * Every API operation in the OpenAPI document, and every staff page, fuzzed: path parameters,
 * query strings, headers and bodies (JSON for the API, forms for the pages). Whatever arrives, the
 * answer is never a 5xx, and every 4xx from the API is problem+json. The seed is fixed, so a
 * failure is the same failure on every run; the counts keep the file to about a minute on PGlite.
 */
const SEED = 20_261_206;
const API_REQUESTS = 10_000;
const PAGE_REQUESTS = 2_000;
const CURSOR_REQUESTS = 600;

interface Operation {
  method: 'GET' | 'POST';
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface FuzzRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function operationsOf(document: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as 'GET' | 'POST',
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** How many answers had each status, shown in the test's output to see what the fuzz reached. */
function countStatus(counts: Map<number, number>, status: number): void {
  counts.set(status, (counts.get(status) ?? 0) + 1);
}
const histogram = (counts: Map<number, number>) =>
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${String(status)}: ${String(n)}`)
    .join(', ');

function assertNoServerError(
  request: FuzzRequest,
  response: LightMyRequestResponse,
  apiRequest: boolean,
): void {
  const shown = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.payload?.slice(0, 300) ?? ''}`;
  assert.ok(
    response.statusCode < 500,
    `${String(response.statusCode)} for ${shown}: ${response.body.slice(0, 300)}`,
  );
  assert.doesNotMatch(response.body, /node_modules|at \w+ \(\//, `a stack trace for ${shown}`);
  if (apiRequest && response.statusCode >= 400) {
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/, shown);
  }
}

void describe('fuzzing every API operation and staff page never gives a server error', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let operations: Operation[];
  const caseIds: string[] = [];
  const references: string[] = [];
  let officer: TestBrowser;
  let admin: TestBrowser;
  const formFields = new Set<string>();

  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t);
    t.clock.set('2026-03-20T10:00:00Z');
    for (let i = 0; i < 3; i += 1) {
      const created = (await api(t, org, 'POST', '/api/v1/complaints', complaintInput())).body;
      caseIds.push(created.id);
      references.push(created.reference);
      if (i === 0) continue;
      await api(t, org, 'POST', `/api/v1/complaints/${created.id}/accept`, { actor: OFFICER });
      if (i === 1) continue;
      await api(t, org, 'POST', `/api/v1/complaints/${created.id}/acknowledge`, {
        actor: HANDLER,
        handler: HANDLER,
        points: [{ text: 'Repair' }],
        outcomesSought: ['Fix it'],
      });
    }
    operations = operationsOf((await t.app.inject({ url: '/api/v1/openapi.json' })).json());
    officer = (await signedIn(t, org.organisationId, 'complaints-officer')).browser;
    admin = (await signedIn(t, org.organisationId, 'administrator')).browser;
  });
  after(() => t.close());

  /** Values that exist in the test organisation, so that requests get past their lookups. */
  const hints = (): Hints => ({
    staffId: fc.constantFrom(...TEST_STAFF.map((s) => s.staffId)),
    pointId: fc.constantFrom('P1', 'P2'),
    itemIds: fc.constant(['R1', 'A1']),
    email: fc.constantFrom(
      ...TEST_STAFF.map((s) => `${s.role}.${s.staffId.slice(-2)}@${org.organisationId}.example.test`),
    ),
    serviceArea: fc.constant('repairs'),
    category: fc.constant('damp-and-mould'),
    issueDate: fc.constantFrom('2026-02-20', '2025-11-03'),
    receivedAt: fc.constantFrom('2026-03-02T10:00:00Z', '2026-03-19T16:45:00.5+00:00'),
    occurredAt: fc.constant('2026-03-20T09:00:00Z'),
  });
  const realIds = () => fc.constantFrom(...caseIds, ...references, '00000000-0000-4000-8000-000000000000');

  /** A query parameter's value: the cursor sometimes forged, like any other from its schema. */
  const queryValue = (parameter: Operation['parameters'][number]) =>
    parameter.name === 'cursor'
      ? fc.oneof(forgedListCursor, valueFor(parameter.schema, hints(), true))
      : valueFor(parameter.schema, hints(), true);

  function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const segments = operation.parameters
      .filter((p) => p.in === 'path')
      .map((p) => fc.tuple(fc.constant(p.name), pathSegment(realIds())));
    const query = queryString(
      Object.fromEntries(
        operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, queryValue(p)]),
      ),
    );
    const headerNames = operation.parameters
      .filter((p) => p.in === 'header')
      .map((p) => p.name.toLowerCase());
    const headers = fc.record({
      authorization: fc.oneof(
        { weight: 30, arbitrary: fc.constant(`Bearer ${org.apiKey}`) },
        { weight: 1, arbitrary: headerText },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', '\u0000'),
      'content-type': fc.oneof(
        { weight: 30, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/json; charset=latin1'),
        },
        { weight: 1, arbitrary: headerText },
      ),
      ...Object.fromEntries(
        headerNames.map((name) => [
          name,
          fc.oneof(
            fc.constant(undefined),
            fc.nat(20).map((n) => `"${String(n)}"`),
            headerText,
          ),
        ]),
      ),
    });
    const body = operation.body
      ? fc.oneof(
          { weight: 4, arbitrary: valueFor(operation.body, hints(), false).map((v) => JSON.stringify(v)) },
          { weight: 3, arbitrary: valueFor(operation.body, hints(), true).map((v) => JSON.stringify(v)) },
          { weight: 1, arbitrary: nastyValue.map((v) => JSON.stringify(v) ?? '') },
          { weight: 1, arbitrary: nastyRawBody },
        )
      : fc.constant(undefined);
    return fc
      .tuple(fc.tuple(...segments), query, headers, body)
      .map(([pathValues, search, rawHeaders, payload]) => {
        let path = operation.path;
        for (const [name, value] of pathValues) path = path.replace(`{${name}}`, value);
        const headers = Object.fromEntries(
          Object.entries(rawHeaders).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        );
        return {
          method: operation.method,
          url: search ? `${path}?${search}` : path,
          headers,
          ...(payload === undefined || operation.method === 'GET' ? {} : { payload }),
        };
      });
  }

  void it(`sends about ${String(API_REQUESTS)} requests to the API`, async (context) => {
    const statuses = new Map<number, number>();
    const runs = Math.ceil(API_REQUESTS / operations.length);
    for (const [index, operation] of operations.entries()) {
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async (request) => {
          const response = await t.app.inject(request);
          countStatus(statuses, response.statusCode);
          assertNoServerError(request, response, true);
        }),
        { seed: SEED + index, numRuns: runs, endOnFailure: true },
      );
    }
    context.diagnostic(`API answers by status: ${histogram(statuses)}`);
  });

  void it('reads forged list and audit log cursors as a 400 or a fresh start, on the API and pages', async () => {
    const request = fc.record({
      sort: fc.constantFrom('newest', 'oldest', 'deadline'),
      cursor: forgedListCursor,
      after: forgedAuditCursor,
      target: fc.constantFrom('api', 'page', 'audit'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ sort, cursor, after, target }) => {
        const url =
          target === 'api'
            ? `/api/v1/complaints?sort=${sort}&cursor=${cursor}`
            : target === 'page'
              ? `/cases?sort=${sort}&cursor=${cursor}`
              : `/admin/audit?after=${after}`;
        const response =
          target === 'api'
            ? await t.app.inject({ url, headers: { authorization: `Bearer ${org.apiKey}` } })
            : (await (target === 'audit' ? admin : officer).get(url)).response;
        assertNoServerError({ method: 'GET', url, headers: {} }, response, target === 'api');
      }),
      { seed: SEED - 1, numRuns: CURSOR_REQUESTS, endOnFailure: true },
    );
  });

  void it(`sends about ${String(PAGE_REQUESTS)} requests to the staff pages, forms with a CSRF token`, async (context) => {
    const statuses = new Map<number, number>();
    // Signing in and out, and changing one's own password, would end the fuzzing sessions.
    const skipped = new Set<string>([PATHS.signIn, PATHS.signOut, PATHS.changePassword]);
    const pages = staffPageRoutes({ db: t.database.db, clock: t.clock, files: t.files }).filter(
      (page) => !skipped.has(page.path) && !page.throttle,
    );
    const withReal = (path: string) =>
      path.replace(/:(\w+)/g, (_, name: string) => (name === 'reference' ? (references[2] ?? '') : 'x'));
    // The names of the fields the pages' forms send, read from the pages themselves.
    for (const page of pages.filter((p) => p.method === 'GET')) {
      for (const browser of [officer, admin]) {
        const html = (await browser.get(withReal(page.path))).body;
        for (const match of html.matchAll(/name="([\w.[\]-]+)"/g)) if (match[1]) formFields.add(match[1]);
      }
    }
    formFields.delete('_csrf');
    const fieldNames = [...formFields];
    const fieldValue = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('yes', 'no', 'true', '2026-03-20', '20', '3', 'repairs', 'phone'),
      },
      { weight: 2, arbitrary: nastyText },
    );
    const form = fc.dictionary(
      fc.constantFrom(...fieldNames),
      fc.oneof(fieldValue, fc.array(fieldValue, { maxLength: 3 })),
      {
        maxKeys: 8,
      },
    );
    const runs = Math.ceil(PAGE_REQUESTS / pages.length);
    for (const [index, page] of pages.entries()) {
      const segment = pathSegment(fc.constantFrom(...references, ...caseIds, 'x', '2026-12-25'));
      const request = fc.record({
        path: fc.array(segment, { minLength: 3, maxLength: 3 }).map((values) => {
          let i = 0;
          return page.path.replace(/:\w+/g, () => values[i++] ?? 'x');
        }),
        query: queryString({
          [fieldNames[0] ?? 'q']: fieldValue,
          q: fieldValue,
          cursor: fc.oneof(forgedListCursor, nastyText),
          after: forgedAuditCursor,
          page: fieldValue,
        }),
        form,
        asAdmin: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ path, query, form: fields, asAdmin }) => {
          const browser = asAdmin ? admin : officer;
          const url = query ? `${path}?${query}` : path;
          const response = page.method === 'GET' ? await browser.get(url) : await browser.post(url, fields);
          countStatus(statuses, response.status);
          assertNoServerError(
            { method: page.method, url, headers: {}, payload: JSON.stringify(fields) },
            response.response,
            false,
          );
        }),
        { seed: SEED + 1000 + index, numRuns: runs, endOnFailure: true },
      );
    }
    context.diagnostic(
      `page answers by status: ${histogram(statuses)} (${String(fieldNames.length)} form fields)`,
    );
  });
});
