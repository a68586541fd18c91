import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { diskFileStore, type FileStore } from '../../src/platform/files/file-store.ts';
import { buildApp } from '../../src/app.ts';
import type { Clock } from '../../src/modules/complaints/case-context.ts';
import { createOrganisation } from '../../src/modules/organisations/create-organisation.use-case.ts';
import type { Country } from '../../src/domain/policy/country.ts';
import type { CaseActor } from '../../src/modules/complaints/case-actor.ts';
import { staffAccounts } from '../../src/platform/db/schema.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
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
  /** Where the app keeps evidence files: a folder of this test's own. */
  evidenceDir: string;
  files: FileStore;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const evidenceDir = await mkdtemp(join(tmpdir(), 'putright-test-evidence-'));
  const app = buildApp({ db: database.db, clock, logLevel: 'silent', evidenceDir });
  await app.ready();
  return {
    app,
    database,
    clock,
    evidenceDir,
    files: diskFileStore(evidenceDir),
    close: async () => {
      await app.close();
      await database.close();
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}

export interface TestOrganisation {
  organisationId: string;
  apiKey: string;
  referencePrefix: string;
}

/**
 * The staff every test organisation has, acting through the API: the same ids in each organisation
 * (a staff id is unique within its organisation), so tests can name them as constants.
 */
export const TEST_STAFF = [
  { staffId: '00000000-0000-4000-8000-0000000000a1', name: 'Priya Shah', role: 'complaints-officer' },
  { staffId: '00000000-0000-4000-8000-0000000000a2', name: 'Tom Okafor', role: 'handler' },
  { staffId: '00000000-0000-4000-8000-0000000000a3', name: 'Gareth Lewis', role: 'senior-lead' },
  { staffId: '00000000-0000-4000-8000-0000000000a4', name: 'Aisha Begum', role: 'handler' },
] as const;

/** Staff references, as the API takes them. */
export const OFFICER = { staffId: TEST_STAFF[0].staffId };
export const HANDLER = { staffId: TEST_STAFF[1].staffId };
export const DIRECTOR = { staffId: TEST_STAFF[2].staffId };
export const HANDLER_2 = { staffId: TEST_STAFF[3].staffId };

/** The name a staff reference records on the case. */
export function nameOf(ref: { staffId: string }): string {
  const person = TEST_STAFF.find((s) => s.staffId === ref.staffId);
  if (!person) throw new Error(`No test staff ${ref.staffId}`);
  return person.name;
}

/** Gives an organisation the test staff, for tests that create organisations themselves. */
export async function insertTestStaff(db: DatabaseHandle, organisationId: string): Promise<void> {
  await db.forOrganisation(organisationId, (tx) =>
    tx.insert(staffAccounts).values(
      TEST_STAFF.map((s) => ({
        organisationId,
        staffId: s.staffId,
        email: `${s.role}.${s.staffId.slice(-2)}@${organisationId}.example.test`,
        name: s.name,
        role: s.role,
        // Nobody signs in as these: they act through the API.
        passwordHash: 'not a password hash',
      })),
    ),
  );
}

export async function createTestOrganisation(
  t: TestApp,
  preset?: string,
  country?: Country,
  name = `Test ${preset ?? country ?? 'organisation'}`,
): Promise<TestOrganisation> {
  const created = await createOrganisation(
    t.database.db,
    { name, ...(preset ? { preset } : {}), ...(country ? { country } : {}) },
    'test',
  );
  await insertTestStaff(t.database.db, created.organisationId);
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

export function complaintInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedAt: '2026-03-02T10:00:00Z',
    channel: 'phone',
    actor: OFFICER,
    issueDate: '2026-02-20',
    issueDateKind: 'occurred',
    complainant: { kind: 'named', name: 'Margaret Ellis', contact: { phone: '07700 900123' } },
    serviceArea: 'repairs',
    summary: 'Boiler repair appointment missed twice.',
    ...overrides,
  };
}

/** A test organisation's member of staff acting directly through a use case (as the pages do). */
export function actingAs(ref: { staffId: string }): CaseActor {
  const person = TEST_STAFF.find((s) => s.staffId === ref.staffId);
  if (!person) throw new Error(`No test staff ${ref.staffId}`);
  return { kind: 'staff', member: { id: person.staffId, name: person.name }, role: person.role };
}
