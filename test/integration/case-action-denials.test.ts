import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { may, ROLES, rolesAllowedTo, type Role } from '../../src/domain/access/permissions.ts';
import { COMMAND_SCHEMAS } from '../../src/domain/complaint/command-schemas.ts';
import type { CommandName } from '../../src/domain/complaint/decide.ts';
import { getComplaint } from '../../src/modules/complaints/get-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import {
  actingAs,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';
import { heading, signedIn, type TestBrowser } from '../support/web-client.ts';

const COMMANDS = Object.keys(COMMAND_SCHEMAS) as CommandName[];

void describe('case pages: who may open and submit each form', () => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  const browsers = new Map<Role, TestBrowser>();
  const deps = () => ({ db: t.database.db, clock: t.clock });
  const receive = async (organisationId: string) =>
    (await receiveComplaintUseCase(deps(), organisationId, complaintInput(), actingAs(OFFICER))).reference;
  const version = async (organisationId: string, reference: string) =>
    (await getComplaint(deps(), organisationId, reference)).version;
  const as = (role: Role): TestBrowser => {
    const browser = browsers.get(role);
    if (!browser) throw new Error(`No browser for ${role}`);
    return browser;
  };

  before(async () => {
    t = await startTestApp();
    alpha = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
    beta = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing')).organisationId;
    for (const role of ROLES) browsers.set(role, (await signedIn(t, alpha, role)).browser);
  });
  after(() => t.close());

  void it('gives 403 on the form, GET and POST, exactly when the role may not give the command', async () => {
    const reference = await receive(alpha);
    for (const role of ROLES) {
      for (const command of COMMANDS) {
        const url = `/cases/${reference}/${command}`;
        const allowed = may(role, command);
        const shown = await as(role).get(url);
        assert.equal(shown.status, allowed ? 200 : 403, `GET ${command} as ${role}`);
        // An allowed submission may change the case, so it gets a case of its own.
        const target = allowed ? await receive(alpha) : reference;
        const before = await version(alpha, target);
        const posted = await as(role).post(`/cases/${target}/${command}`, { version: String(before) });
        if (allowed) {
          assert.ok([200, 303, 400].includes(posted.status), `POST ${command} as ${role}: ${posted.status}`);
        } else {
          assert.equal(posted.status, 403, `POST ${command} as ${role}`);
          assert.equal(heading(posted.body), 'You do not have permission');
          assert.equal(await version(alpha, target), before, `nothing changed after ${command} as ${role}`);
        }
      }
    }
  });

  void it('refuses the case page to board members and administrators', async () => {
    const reference = await receive(alpha);
    for (const role of ROLES) {
      const page = await as(role).get(`/cases/${reference}`);
      assert.equal(page.status, rolesAllowedTo('view-cases').includes(role) ? 200 : 403, role);
    }
    assert.equal((await as('board-member').get(`/cases/${reference}`)).status, 403);
    assert.equal((await as('administrator').get(`/cases/${reference}`)).status, 403);
  });

  void it('answers 404 for another organisation’s case, on every page, and changes nothing', async () => {
    const theirs = await receive(beta);
    const before = await version(beta, theirs);
    assert.equal((await as('complaints-officer').get(`/cases/${theirs}`)).status, 404);
    assert.equal((await as('complaints-officer').get(`/cases/${theirs.toLowerCase()}`)).status, 404);
    for (const command of COMMANDS) {
      const browser = as(rolesAllowedTo(command)[0]!);
      assert.equal((await browser.get(`/cases/${theirs}/${command}`)).status, 404, `GET ${command}`);
      const posted = await browser.post(`/cases/${theirs}/${command}`, { version: String(before) });
      assert.equal(posted.status, 404, `POST ${command}`);
    }
    assert.equal(await version(beta, theirs), before);
  });

  void it('answers 404 for a case that does not exist or an address that is not a reference', async () => {
    const officer = as('complaints-officer');
    assert.equal((await officer.get('/cases/THA-2026-999999')).status, 404);
    assert.equal((await officer.get('/cases/not-a-reference')).status, 404);
    assert.equal((await officer.get('/cases/THA-2026-999999/accept')).status, 404);
  });

  void it('finds a case by its reference in any letter case', async () => {
    const reference = await receive(alpha);
    const page = await as('handler').get(`/cases/${reference.toLowerCase()}`);
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), `Complaint ${reference}`);
  });
});
