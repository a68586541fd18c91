import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actionsFor, may, type Role } from '../../src/domain/access/permissions.ts';
import { ALLOWED_IN, type CommandName, type HandlerCommand } from '../../src/domain/complaint/decide.ts';
import { CommandRefused } from '../../src/domain/complaint/refusal.ts';
import { exclusionVerdict } from '../../src/domain/policy/exclusions.ts';
import { ACTION_FORMS } from '../../src/modules/casework/case-actions.ts';
import { FORMS_WITH_A_HANDLER } from '../../src/modules/casework/case.pages.ts';
import { getCasePage, type CasePage } from '../../src/modules/casework/get-case-page.use-case.ts';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import type { CaseActor } from '../../src/modules/complaints/case-actor.ts';
import type { ComplaintDeps } from '../../src/modules/complaints/deps.ts';
import { spinOffComplaint } from '../../src/modules/complaints/spin-off-complaint.use-case.ts';
import { createDemoLandlord, type DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import type { Transaction } from '../../src/platform/db/database.ts';
import {
  actingAs,
  api,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';
import { actorOf as testActor, createTestStaff, TestBrowser } from '../support/web-client.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';

/**
 * What the case page and the API offer is exactly what the rules allow. On every case of the demo
 * landlord (a case in every state), each command is tried on a copy of the case (a transaction rolled
 * back): an offered command succeeds on a valid answer, given by someone whose role may give it (and,
 * for a form with a handler, with every person the form lists); a command not offered is refused.
 */

const COMMANDS = Object.keys(ALLOWED_IN) as CommandName[];
type Staff = DemoLandlord['signIns'][number];

class RolledBack extends Error {}

const isHandlerCommand = (command: CommandName): command is HandlerCommand =>
  FORMS_WITH_A_HANDLER.includes(command);

void describe('commands offered on a case are the ones the rules allow', () => {
  let t: TestApp;
  let demo: DemoLandlord;
  let staff: Staff[];

  const person = (role: Role, nth = 0): Staff => {
    const found = staff.filter((s) => s.role === role)[nth];
    assert.ok(found, `the demo has a ${role}`);
    return found;
  };
  const actorOf = (s: Staff): CaseActor => ({
    kind: 'staff',
    member: { id: s.staffId, name: s.name },
    role: s.role,
  });
  const byId = (id: string | undefined): Staff | undefined => staff.find((s) => s.staffId === id);

  /** Runs `work` on the case in a transaction that is then rolled back; the error, or null on success. */
  async function onACopy(
    work: (deps: ComplaintDeps) => Promise<unknown>,
    organisationId: string = demo.organisationId,
  ): Promise<Error | null> {
    try {
      await t.database.db.forOrganisation(organisationId, async (tx: Transaction) => {
        const db = {
          ...t.database.db,
          forOrganisation: <T>(_organisationId: string, inner: (tx: Transaction) => Promise<T>) => inner(tx),
        };
        await work({ db, clock: t.clock });
        throw new RolledBack();
      });
    } catch (error) {
      if (error instanceof RolledBack) return null;
      return error instanceof Error ? error : new Error(`Not an Error: ${JSON.stringify(error)}`);
    }
    return new Error('The copy was not rolled back');
  }

  /** Who gives the command: the stage's handler for a response, else the first role that may. */
  function giver(command: CommandName, page: CasePage): Staff {
    const handlers = page.view.handlers;
    if (command === 'respond') return byId(handlers.stage1?.id) ?? person('handler');
    if (command === 'final-response') return byId(handlers.stage2?.id) ?? person('senior-lead');
    const role = (['complaints-officer', 'senior-lead', 'handler'] as const).find((r) => may(r, command));
    assert.ok(role, `someone may ${command}`);
    return person(role);
  }

  /** The people a form offers as the handler, as the form's page reads them. */
  async function listedHandlers(command: CommandName, page: CasePage): Promise<string[]> {
    if (!isHandlerCommand(command)) return [];
    const ctx = await getCasePage(
      { db: t.database.db, clock: t.clock },
      demo.organisationId,
      page.view.reference,
      { staffFor: command },
    );
    const field = ACTION_FORMS[command].fields(ctx).find((f) => 'name' in f && f.name === 'handler');
    const items = (field as { items?: { value: string }[] } | undefined)?.items ?? [];
    return items.map((i) => i.value).filter((v) => v !== '');
  }

  /** A valid answer to the command on this case (with this handler, for a form that has one). */
  function answer(command: CommandName, page: CasePage, handlerId: string | undefined): unknown {
    const v = page.view;
    const decisions = (v.points.length ? v.points : [{ id: 'P1' }]).map((p) => ({
      pointId: p.id,
      outcome: 'upheld',
      reasons: 'Our records show it.',
    }));
    const handler = { staffId: handlerId ?? person('senior-lead').staffId };
    const due = v.stage === 1 ? v.deadlines.stage1Response?.due : v.deadlines.stage2Response?.due;
    const inTenDays = new Date(Date.parse(`${due ?? page.today}T12:00:00Z`) + 10 * 86_400_000);
    const inputs: Record<CommandName, unknown> = {
      accept: { timeLimitDiscretion: { reason: 'Good reason' }, proceedWithoutConsent: { reason: 'Urgent' } },
      'not-accept': {
        reasonCode:
          page.exclusionReasons.find((r) => exclusionVerdict(r as never, v.country).kind !== 'not-allowed')
            ?.code ?? 'none',
        explanation: 'Outside our policy',
        ombudsmanRightGiven: true,
      },
      'record-consent': { how: 'By e-mail' },
      acknowledge: {
        points: [{ text: 'A point' }],
        outcomesSought: ['An outcome'],
        handler,
        proceedWithoutConsent: { reason: 'Urgent' },
      },
      'assign-handler': { handler },
      'add-point': { text: 'Another point' },
      'spin-off': { points: [{ text: 'A new matter' }], reason: 'unrelated' },
      extend: {
        newDueDate: inTenDays.toISOString().slice(0, 10),
        reason: 'Complex',
        goodReason: 'complexity',
        ombudsmanDetailsGiven: true,
      },
      'record-contact': { kind: 'contact', summary: 'Spoke to the resident' },
      respond: { decisions, remedies: [], actions: [] },
      escalate: { directReason: 'complex' },
      'refuse-escalation': {
        ground: 'already-considered',
        explanation: 'Already considered',
        ombudsmanDetailsGiven: true,
      },
      'acknowledge-stage-2': {
        handler,
        lateEscalationDecision: { reason: 'Accepted late' },
        ...(v.points.length ? {} : { points: [{ text: 'A point' }] }),
      },
      'final-response': { decisions, remedies: [], actions: [] },
      'complete-action': {
        itemId: v.remediesAndActions.find((i) => i.completedOn === null)?.id ?? 'R1',
      },
      discontinue: {
        ground: 'legal-proceedings',
        explanation: 'A claim was filed',
        ombudsmanRightGiven: true,
      },
      withdraw: { reason: 'No longer needed' },
      close: {},
    };
    return inputs[command];
  }

  async function tryCommand(command: CommandName, page: CasePage, handlerId?: string): Promise<Error | null> {
    const request = {
      organisationId: demo.organisationId,
      caseRef: page.view.reference,
      actor: actorOf(giver(command, page)),
    };
    const input = answer(command, page, handlerId);
    return onACopy((deps) =>
      command === 'spin-off'
        ? spinOffComplaint(deps, request, input)
        : actOnComplaint(deps, request, command, input),
    );
  }

  before(async () => {
    t = await startTestApp();
    t.clock.set(new Date());
    demo = await createDemoLandlord(t.database.db, t.clock.now());
    staff = demo.signIns;
  });
  after(() => t.close());

  void it('on every demo case, every offered command succeeds on a valid answer and every other is refused', async () => {
    const list = await api(t, demo, 'GET', '/api/v1/complaints?limit=200');
    const references = (list.body.items as { reference: string }[]).map((i) => i.reference);
    assert.ok(references.length >= 12);
    const problems: string[] = [];
    let tried = 0;
    for (const reference of references) {
      const page = await getCasePage({ db: t.database.db, clock: t.clock }, demo.organisationId, reference, {
        record: true,
      });
      // The API offers what the rules allow; the page, that less a form that could name nobody.
      const allowed = page.view.allowedCommands;
      for (const command of COMMANDS) {
        const where = `${command} on ${reference} (${page.view.status})`;
        if (page.offered.includes(command)) {
          const listed = await listedHandlers(command, page);
          if (isHandlerCommand(command) && listed.length === 0) {
            problems.push(`${where}: offered, but its form lists nobody to handle it`);
          }
          for (const handlerId of isHandlerCommand(command) ? listed : [undefined]) {
            tried += 1;
            const error = await tryCommand(command, page, handlerId);
            if (error) {
              const who = handlerId ? ` with ${byId(handlerId)?.name ?? handlerId}` : '';
              problems.push(`${where}${who}: offered, but refused: ${String(error)}`);
            }
          }
        } else if (allowed.includes(command)) {
          // Allowed by the rules, but nobody could be named: not on the page, and nobody would do.
          tried += 1;
          if (!isHandlerCommand(command) || (await listedHandlers(command, page)).length > 0) {
            problems.push(`${where}: allowed by the rules but not offered on the page`);
          }
          for (const someone of staff) {
            if (!(await tryCommand(command, page, someone.staffId))) {
              problems.push(`${where}: not offered, but ${someone.name} could handle it`);
            }
          }
        } else {
          tried += 1;
          const error = await tryCommand(command, page);
          if (!(error instanceof CommandRefused)) {
            problems.push(`${where}: not offered, but ${error ? String(error) : 'it succeeded'}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(tried > references.length * COMMANDS.length - 1);
  });

  void it('the case page shows each person the offered commands they may give, and the API lists them', async () => {
    const viewers = [
      person('complaints-officer'),
      person('handler', 0),
      person('handler', 1),
      person('senior-lead'),
    ];
    const browsers = await Promise.all(
      viewers.map(async (viewer) => {
        const browser = new TestBrowser(t);
        assert.equal((await browser.signIn(viewer.email, viewer.password)).status, 303);
        return browser;
      }),
    );
    const list = await api(t, demo, 'GET', '/api/v1/complaints?limit=200');
    let responsesWithheld = 0;
    for (const item of list.body.items as { id: string; reference: string }[]) {
      const view = await api(t, demo, 'GET', `/api/v1/complaints/${item.id}`);
      for (const [i, viewer] of viewers.entries()) {
        const page = await getCasePage(
          { db: t.database.db, clock: t.clock },
          demo.organisationId,
          item.reference,
          { record: true, viewer: { id: viewer.staffId, name: viewer.name } },
        );
        assert.deepEqual(view.body.allowedCommands, page.view.allowedCommands);
        const browser = browsers[i];
        assert.ok(browser);
        const html = (await browser.get(`/cases/${item.reference}`)).body;
        const buttons = [...html.matchAll(new RegExp(`href="/cases/${item.reference}/([a-z0-9-]+)"`, 'g'))]
          .map((m) => m[1] as CommandName)
          .filter((c) => COMMANDS.includes(c));
        assert.deepEqual(
          [...new Set(buttons)].sort(),
          actionsFor(viewer.role, page.offered).sort(),
          `${item.reference} for ${viewer.name}`,
        );
        // A response is offered only to the stage's handler, though the role may send responses.
        for (const [command, stage] of [
          ['respond', page.view.handlers.stage1],
          ['final-response', page.view.handlers.stage2],
        ] as const) {
          if (!page.view.allowedCommands.includes(command) || !may(viewer.role, command)) continue;
          const theirs = stage?.id === viewer.staffId;
          assert.equal(
            buttons.includes(command),
            theirs,
            `${command} on ${item.reference} for ${viewer.name}`,
          );
          if (theirs) continue;
          responsesWithheld += 1;
          const form = await browser.get(`/cases/${item.reference}/${command}`);
          assert.match(
            form.body,
            /You cannot send the (stage 1|final) response now\. Only the stage [12] handler/,
          );
          assert.doesNotMatch(form.body, /id="case-action"/);
        }
      }
    }
    assert.ok(responsesWithheld > 0, 'some response was withheld from someone who is not its handler');
  });

  for (const preset of ['hos-code-2024', 'one-manchester']) {
    void it(`lists for stage 2 only people the rules accept (${preset}): never the stage 1 handler${preset === 'one-manchester' ? ', nor anyone who acted at stage 1' : ''}`, async () => {
      const org = (await createTestOrganisation(t, preset)).organisationId;
      const deps = { db: t.database.db, clock: t.clock };
      const stage1Handler = await createTestStaff(t, org, 'senior-lead', { name: 'Stella Stageone' });
      const helper = await createTestStaff(t, org, 'senior-lead', { name: 'Hal Helper' });
      const outsider = await createTestStaff(t, org, 'senior-lead', { name: 'Olive Outsider' });
      const { reference } = await receiveComplaintUseCase(deps, org, complaintInput(), actingAs(OFFICER));
      const as = (actor: CaseActor) => ({ organisationId: org, caseRef: reference, actor });
      await actOnComplaint(deps, as(actingAs(OFFICER)), 'accept', {});
      await actOnComplaint(deps, as(actingAs(OFFICER)), 'acknowledge', {
        points: [{ text: 'The boiler was not repaired' }],
        outcomesSought: ['A working boiler'],
        handler: { staffId: stage1Handler.staffId },
      });
      await actOnComplaint(deps, as(testActor(helper)), 'record-contact', {
        kind: 'contact',
        summary: 'Called the resident to arrange a visit',
      });
      await actOnComplaint(deps, as(testActor(stage1Handler)), 'respond', {
        decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'The visit was missed.' }],
      });
      await actOnComplaint(deps, as(actingAs(OFFICER)), 'escalate', {});

      const seniors = [stage1Handler, helper, outsider];
      const expected = preset === 'one-manchester' ? [outsider.name] : [helper.name, outsider.name];
      for (const command of ['acknowledge-stage-2', 'assign-handler'] as const) {
        const page = await getCasePage(deps, org, reference, { staffFor: command });
        assert.ok(page.view.allowedCommands.includes(command), command);
        const listed = page.staff.filter((s) => seniors.some((p) => p.staffId === s.id)).map((s) => s.name);
        assert.deepEqual(listed.sort(), [...expected].sort(), `${command} under ${preset}`);
        for (const senior of seniors) {
          const error = await onACopy(
            (copy) =>
              actOnComplaint(copy, as(actingAs(OFFICER)), command, { handler: { staffId: senior.staffId } }),
            org,
          );
          if (expected.includes(senior.name)) assert.equal(error, null, `${senior.name} for ${command}`);
          else assert.ok(error instanceof CommandRefused, `${senior.name} for ${command}: ${String(error)}`);
        }
      }
    });
  }
});
