import type { DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import type { Status } from '../../domain/complaint/state.ts';
import type { CaseSort } from '../complaints/complaint.repository.ts';

/** Short status words for tables, shown after the stage ("Stage 1: Under investigation"). */
export const STATUS_IN_WORDS: Record<Status, string> = {
  received: 'Received',
  accepted: 'Accepted',
  'stage-1': 'Under investigation',
  'stage-1-responded': 'Response sent',
  'stage-2-requested': 'Escalation requested',
  'stage-2': 'Under investigation',
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

export const SORT_IN_WORDS: Record<CaseSort, string> = {
  newest: 'Newest received first',
  oldest: 'Oldest received first',
  deadline: 'Deadline soonest first',
};
