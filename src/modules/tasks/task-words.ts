import { dateInWords } from '../../domain/calendar/dates-in-words.ts';
import { londonDateOf, type IsoDate } from '../../domain/calendar/index.ts';
import { TASK_KIND_NAMES, taskUrgency } from '../../domain/task/task.ts';
import type { OwnedTaskRow, TaskRow } from './tasks.repository.ts';

const URGENCY = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  today: { text: 'Due today', classes: 'govuk-tag--orange' },
  later: null,
} as const;

/** A task in words, for the case page and the dashboard; the templates escape every value. */
export function taskInWords(task: TaskRow, today: IsoDate) {
  return {
    id: task.taskId,
    kind: TASK_KIND_NAMES[task.kind],
    description: task.description,
    due: dateInWords(task.dueOn),
    owner: task.owner.name,
    setBy: task.createdByName,
    done: task.doneAt
      ? `Done by ${task.doneByName ?? 'someone'} on ${dateInWords(londonDateOf(task.doneAt))}`
      : null,
    urgency: task.doneAt ? null : URGENCY[taskUrgency(task.dueOn, today)],
  };
}

export function ownedTaskInWords(task: OwnedTaskRow, today: IsoDate) {
  return { ...taskInWords(task, today), caseReference: task.caseReference };
}

/** The case page's success banner after a task page: `?done=task-added` or `task-done`. */
export function taskBanner(done: string | undefined): string | undefined {
  if (done === 'task-added') return 'Task added';
  if (done === 'task-done') return 'Task marked as done';
  return undefined;
}
