import type { IsoDate } from '../../domain/calendar/index.ts';
import { DUE_SOON_WORKING_DAYS, type DeadlineKind } from '../../domain/complaint/deadlines.ts';

/** How urgent a deadline is, for the colour of its tag. */
export type Urgency = 'overdue' | 'due-soon' | 'on-track';

export interface DeadlineInWords {
  text: string;
  urgency: Urgency;
}

const days = (n: number) => `${String(n)} working ${n === 1 ? 'day' : 'days'}`;

/**
 * A current deadline's status in working days, as staff say it: "Due today", "Due in 2 working days",
 * "Overdue by 3 working days". `workingDays` is `calendar.workingDaysBetween(today, due)`: negative
 * once the due date has passed. A deadline that passed on the last working day before a weekend is
 * overdue on the Saturday, though no working day has yet been lost: that is just "Overdue".
 */
export function deadlineInWords(today: IsoDate, due: IsoDate, workingDays: number): DeadlineInWords {
  if (due < today) {
    return { text: workingDays < 0 ? `Overdue by ${days(-workingDays)}` : 'Overdue', urgency: 'overdue' };
  }
  if (due === today) return { text: 'Due today', urgency: 'due-soon' };
  if (workingDays <= 0) return { text: 'Due before the next working day', urgency: 'due-soon' };
  return {
    text: `Due in ${days(workingDays)}`,
    urgency: workingDays <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'on-track',
  };
}

/** The GOV.UK tag colour for an urgency. */
export const URGENCY_TAG_CLASSES: Record<Urgency, string> = {
  overdue: 'govuk-tag--red',
  'due-soon': 'govuk-tag--orange',
  'on-track': 'govuk-tag--green',
};

/** Each deadline as staff name it, in the order a case meets them: on the case page and in tables. */
export const DEADLINE_KIND_IN_WORDS: Record<DeadlineKind, string> = {
  'stage-1-acknowledgement': 'Stage 1 acknowledgement',
  'stage-1-first-contact': 'Stage 1 first contact with the resident',
  'stage-1-response': 'Stage 1 response',
  'stage-2-acknowledgement': 'Stage 2 acknowledgement',
  'stage-2-response': 'Stage 2 (final) response',
};
