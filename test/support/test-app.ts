import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Clock } from '../../src/modules/complaints/case-context.ts';
import { createOrganisation } from '../../src/modules/organisations/create-organisation.use-case.ts';
import type { Jurisdiction } from '../../src/domain/calendar/index.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

/** A clock tests move by hand, so deadlines are exact. */
export class TestClock implements Clock {
  constructor(private current: Date = new Date('2026-03-02T10:00:00Z')) {}
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
  now(): Date {
    return this.current;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const app = buildApp({ db: database.db, clock, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface TestOrganisation {
  organisationId: string;
  apiKey: string;
  referencePrefix: string;
}

export async function createTestOrganisation(
  t: TestApp,
  preset = 'hos-code-2024',
  jurisdiction?: Jurisdiction,
  name = `Test ${preset}`,
): Promise<TestOrganisation> {
  const created = await createOrganisation(
    t.database.db,
    { name, preset, ...(jurisdiction ? { jurisdiction } : {}) },
    'test',
  );
  return {
    organisationId: created.organisationId,
    apiKey: created.apiKey,
    referencePrefix: created.referencePrefix,
  };
}

/** A JSON API call; returns the response and its parsed body. */
export async function api(
  t: TestApp,
  org: { apiKey: string } | null,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; response: LightMyRequestResponse }> {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...(org ? { authorization: `Bearer ${org.apiKey}` } : {}), ...headers },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    body: type.includes('json') ? response.json() : response.body,
    response,
  };
}

export const OFFICER = { id: 'officer-1', name: 'Priya Shah' };
export const HANDLER = { id: 'handler-1', name: 'Tom Okafor' };
export const DIRECTOR = { id: 'director-1', name: 'Gareth Lewis' };

export function complaintInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedAt: '2026-03-02T10:00:00Z',
    channel: 'phone',
    receivedBy: OFFICER,
    issueDate: '2026-02-20',
    issueDateKind: 'occurred',
    complainant: { kind: 'named', name: 'Margaret Ellis', contact: { phone: '07700 900123' } },
    serviceArea: 'repairs',
    summary: 'Boiler repair appointment missed twice.',
    ...overrides,
  };
}
