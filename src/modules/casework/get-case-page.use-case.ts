import type { IsoDate } from '../../domain/calendar/index.ts';
import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import { actorRefusal, type CommandName, type HandlerCommand } from '../../domain/complaint/decide.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { listServiceAreas, type ServiceArea } from '../administration/service-areas.repository.ts';
import { loadCaseContext } from '../complaints/case-context.ts';
import { loadCaseState, loadEvents } from '../complaints/complaint.repository.ts';
import { presentComplaint, type ComplaintView } from '../complaints/complaint.presenter.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { describeEvents, type DescribedEvent } from '../complaints/get-timeline.use-case.ts';
import { listContactsForCase } from '../contacts/contact.repository.ts';
import { presentContactSummary, type ContactSummaryView } from '../contacts/contact.presenter.ts';
import { listTasksForCase, type TaskRow } from '../tasks/tasks.repository.ts';
import { listEvidenceForCase, type EvidenceRow } from '../evidence/evidence.repository.ts';
import { assignableStaff, commandsWithoutAHandler } from './assignable-staff.ts';

const NOBODY_TO_HANDLE =
  'There is nobody who can be named to handle it: it needs an active account whose role can send that stage’s response, and at stage 2 someone the policy allows (never the stage 1 handler).';

/** What to read besides the case itself: the case page wants its record, a form perhaps the staff. */
export interface CasePageParts {
  /** The timeline, linked contacts and service areas the case page shows. */
  record?: boolean;
  /** The staff the form of this command can name as the handler. */
  staffFor?: HandlerCommand;
  /** Who is looking: a response is offered only to the stage's handler. */
  viewer?: StaffMember;
}

export interface CasePage {
  view: ComplaintView;
  today: IsoDate;
  /** The reasons the case's own policy version gives for not accepting it, for its country. */
  exclusionReasons: { code: string; label: string }[];
  /**
   * What the case page offers: what the rules allow (`view.allowedCommands`), less what `withheld`
   * lists.
   */
  offered: CommandName[];
  /**
   * Commands the rules allow on the case but not from the viewer (a response is the stage handler's),
   * or (read with `parts.record`) with a handler nobody can be: why each is not offered.
   */
  withheld: Partial<Record<CommandName, string>>;
  /** Empty unless `parts.staffFor`. */
  staff: StaffMember[];
  /** Empty unless `parts.record`. */
  events: DescribedEvent[];
  contacts: ContactSummaryView[];
  /** Empty unless `parts.record`: staff's follow-ups on the case, open ones first. */
  tasks: TaskRow[];
  /** Empty unless `parts.record`: documents and photos attached, in the order they came. */
  evidence: EvidenceRow[];
  /** Retired areas too: a case keeps the area it was filed under. */
  areas: ServiceArea[];
}

/**
 * One case as a page or an action form shows it, read in one transaction: its state once, judged by
 * its own policy version and calendar. Another organisation's case is not found (row-level security).
 */
export async function getCasePage(
  deps: ComplaintDeps,
  organisationId: string,
  reference: string,
  parts: CasePageParts = {},
): Promise<CasePage> {
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, reference);
    if (!state) throw new NotFoundError(`There is no complaint ${reference}`);
    const ctx = await loadCaseContext(tx, organisationId, state, deps.clock);
    const view = presentComplaint(state, ctx);
    const withheld: CasePage['withheld'] = {};
    const { viewer } = parts;
    for (const command of viewer ? view.allowedCommands : []) {
      const refusal = viewer ? actorRefusal(state, command, viewer) : null;
      if (refusal) withheld[command] = refusal.message;
    }
    if (parts.record) {
      for (const command of await commandsWithoutAHandler(
        tx,
        organisationId,
        view.allowedCommands,
        state,
        ctx.rules,
      )) {
        withheld[command] = NOBODY_TO_HANDLE;
      }
    }
    const page: CasePage = {
      view,
      offered: view.allowedCommands.filter((c) => !Object.hasOwn(withheld, c)),
      withheld,
      today: ctx.today,
      exclusionReasons: ctx.rules.exclusionReasons,
      staff: parts.staffFor
        ? await assignableStaff(tx, organisationId, parts.staffFor, state, ctx.rules)
        : [],
      events: [],
      contacts: [],
      tasks: [],
      evidence: [],
      areas: [],
    };
    if (!parts.record) return page;
    const events = await loadEvents(tx, organisationId, state.caseId);
    const contacts = await listContactsForCase(tx, organisationId, state.caseId);
    const areas = await listServiceAreas(tx, organisationId, { includeRetired: true });
    return {
      ...page,
      events: describeEvents(events),
      contacts: contacts.map(presentContactSummary),
      tasks: await listTasksForCase(tx, organisationId, state.caseId),
      evidence: await listEvidenceForCase(tx, organisationId, state.caseId),
      areas,
    };
  });
}
