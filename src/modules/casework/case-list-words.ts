import type { DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import type { Status } from '../../domain/complaint/state.ts';
import type { CaseSort } from '../complaints/complaint.repository.ts';

/**
 * Each status's one name, wherever a status is named: the case list's filter and table, the case
 * page, the team page and the export. It says its stage where the status belongs to one. Sentences
 * ("this complaint is being investigated at stage 1") use the domain's `describeStatus`.
 */
export const STATUS_IN_WORDS: Record<Status, string> = {
  received: 'Received',
  accepted: 'Accepted',
  'stage-1': 'Under investigation at stage 1',
  'stage-1-responded': 'Stage 1 response sent',
  'stage-2-requested': 'Escalation requested',
  'stage-2': 'Under investigation at stage 2',
  'stage-2-responded': 'Final response sent',
  'not-accepted': 'Not accepted',
  'escalation-refused': 'Escalation refused',
  discontinued: 'Legal proceedings started',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

export const DEADLINE_STATUS_IN_WORDS: Record<DeadlineStatus, string> = {
  'on-track': 'On track',
  'due-soon': 'Due within 2 working days',
  overdue: 'Overdue',
  met: 'Last deadline met',
  missed: 'Last deadline missed',
};

/** The list's narrowing checkboxes, as the filter form and the "Filtered by" line say them. */
export const FLAGS_IN_WORDS = {
  open: 'That are open',
  awaiting: 'Awaiting acceptance or acknowledgement',
  dueThisWeek: 'With a response due this week',
  extended: 'With an extended deadline',
  actionsOverdue: 'With outstanding actions overdue',
} as const;

export const SORT_IN_WORDS: Record<CaseSort, string> = {
  newest: 'Newest received first',
  oldest: 'Oldest received first',
  deadline: 'Deadline soonest first',
};

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * The list's result count as a heading and which cases this page shows: "1,234 cases", "Showing 26
 * to 50 of 1,234 cases". A count that stopped at its cap says "more than".
 */
export function resultsInWords(listed: {
  total: { count: number; atLeast: boolean };
  from: number;
  to: number;
}): { heading: string; showing: string | null } {
  const { total, from, to } = listed;
  const cases = total.count === 1 && !total.atLeast ? 'case' : 'cases';
  const heading = total.atLeast ? `More than ${count(total.count)} cases` : `${count(total.count)} ${cases}`;
  const of = total.atLeast ? `more than ${count(total.count)}` : count(total.count);
  return {
    heading,
    showing: total.count > to - from + 1 ? `Showing ${count(from)} to ${count(to)} of ${of} cases` : null,
  };
}
