import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  api,
  complaintInput,
  createTestOrganisation,
  HANDLER,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';

/** Replaces the value at a random path of a valid body with an arbitrary JSON value. */
function mutated(valid: Record<string, unknown>) {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(valid, []);
  return fc
    .tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, value]) => {
      const copy = structuredClone(valid);
      let target: any = copy;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path.at(-1)!] = value;
      return copy;
    });
}

void describe('fuzzed input never causes a server error', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let caseId: string;
  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t, 'peaks-and-plains');
    t.clock.set('2026-03-20T10:00:00Z');
    caseId = (await api(t, org, 'POST', '/api/v1/complaints', complaintInput())).body.id;
    await api(t, org, 'POST', `/api/v1/complaints/${caseId}/accept`, { actor: OFFICER });
    await api(t, org, 'POST', `/api/v1/complaints/${caseId}/acknowledge`, {
      actor: HANDLER,
      handler: HANDLER,
      points: [{ text: 'Repair' }],
      outcomesSought: ['Fix it'],
    });
  });
  after(() => t.close());

  const bodies: [string, string, Record<string, unknown>][] = [
    [
      'receive',
      '/api/v1/complaints',
      complaintInput({
        representative: { name: 'Cllr Patel', relationship: 'councillor', consentHeld: false },
      }),
    ],
    [
      'extend',
      'extend',
      {
        actor: HANDLER,
        newDueDate: '2026-04-20',
        reason: 'Waiting',
        goodReason: 'complexity',
        ombudsmanDetailsGiven: true,
      },
    ],
    [
      'respond',
      'respond',
      {
        actor: HANDLER,
        decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'Because' }],
        remedies: [{ kind: 'financial', description: '£50', amountPence: 5000, dueDate: '2026-04-01' }],
        actions: [{ description: 'Fix', dueDate: '2026-04-10' }],
      },
    ],
    [
      'record-contact',
      'record-contact',
      { actor: HANDLER, kind: 'contact', direction: 'inbound', channel: 'phone', summary: 'Called' },
    ],
  ];

  for (const [label, path, valid] of bodies) {
    void it(`${label}: any single-field mutation gets a 2xx or a 4xx problem`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(valid), async (body) => {
          const url = path.startsWith('/') ? path : `/api/v1/complaints/${caseId}/${path}`;
          // A mutation that is still valid may succeed (and change the case): only a 5xx is a failure.
          const res = await api(t, org, 'POST', url, body);
          assert.ok(
            res.status < 500,
            `${res.status} for ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`,
          );
          if (res.status >= 400) assert.match(String(res.response.headers['content-type']), /problem\+json/);
        }),
        { numRuns: 60 },
      );
    });
  }
});
