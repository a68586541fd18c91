import { z } from 'zod';
import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/index.ts';
import { isoDateInput, requiredText } from '../complaint/command-schemas.ts';

/** What staff follow a case up with: a call back to the resident, a chase (a contractor, a team). */
export const TASK_KINDS = ['call-back', 'chase', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_NAMES: Record<TaskKind, string> = {
  'call-back': 'Call back',
  chase: 'Chase',
  other: 'Other follow-up',
};

/** A new task: what, by when, and whose it is. `today` keeps due dates from being set in the past. */
export const newTaskSchema = (today: IsoDate) =>
  z.object({
    kind: z.enum(TASK_KINDS, { error: 'Select what kind of task it is' }),
    description: requiredText('what needs doing', 1000),
    dueOn: isoDateInput('the date it is due').refine(
      // A date that is not one is reported by the checks above, once.
      (due) => !isIsoDate(due) || compareIsoDates(due, today) >= 0,
      'The date it is due must be today or in the future',
    ),
    ownerId: z.uuid({ error: 'Select who will do it' }),
  });
export type NewTask = z.infer<ReturnType<typeof newTaskSchema>>;

/** How near a task is, for the dashboard and the case page: overdue, due today, or later. */
export function taskUrgency(dueOn: IsoDate, today: IsoDate): 'overdue' | 'today' | 'later' {
  const order = compareIsoDates(dueOn, today);
  return order < 0 ? 'overdue' : order === 0 ? 'today' : 'later';
}
