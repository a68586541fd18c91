/**
 * Triage: deciding what kind of contact this is. The Code (and seed 000's case studies) say that
 * whenever a resident is dissatisfied they must be offered the choice to complain, and that some
 * signals mean a contact is a complaint whatever it was first logged as.
 */

export const CONTACT_KINDS = ['complaint', 'service-request', 'compliment', 'suggestion'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const RESIDENT_CHOICES = ['complaint', 'service-request', 'no-complaint'] as const;
export type ResidentChoice = (typeof RESIDENT_CHOICES)[number];

/** Signals that a contact should be treated as a complaint: shown as guidance on the form. */
export const COMPLAINT_SIGNALS: readonly string[] = [
  'the resident has reported the same thing before and nothing has been done',
  'the resident was given an appointment and we have no record of it',
  'putting it right needs enquiries beyond a quick call',
  'the resident is unhappy with how we responded to a service request',
  'the resident has chased more than twice',
  'the resident asks to make a complaint (they do not have to use the word “complaint”)',
];

export interface TriageAnswers {
  /** The kind staff selected. */
  kind: ContactKind;
  /** Whether the resident expressed dissatisfaction. */
  dissatisfied: boolean;
  /** Whether they were offered the choice to make a complaint. */
  offeredChoice: boolean;
  residentChose: ResidentChoice | null;
}

export interface TriageProblem {
  field: 'offeredChoice' | 'residentChose' | 'kind';
  message: string;
}

export type TriageOutcome = { kind: ContactKind; problems: [] } | { kind: null; problems: TriageProblem[] };

/**
 * The kind the contact is recorded as, or what is missing. When the resident is dissatisfied, the
 * record must show they were offered the choice to complain and what they chose; choosing to
 * complain makes it a complaint, choosing a service request makes it one.
 */
export function triage(answers: TriageAnswers): TriageOutcome {
  if (!answers.dissatisfied) return { kind: answers.kind, problems: [] };
  const problems: TriageProblem[] = [];
  if (!answers.offeredChoice) {
    problems.push({
      field: 'offeredChoice',
      message: 'Confirm the resident was offered the choice to make a complaint',
    });
  }
  if (answers.residentChose === null) {
    problems.push({ field: 'residentChose', message: 'Select what the resident chose' });
  } else if (answers.residentChose === 'no-complaint' && answers.kind === 'complaint') {
    problems.push({
      field: 'kind',
      message:
        'The resident did not want to complain, but the kind of contact is a complaint: select another kind, or change what they chose',
    });
  }
  if (problems.length > 0) return { kind: null, problems };
  switch (answers.residentChose) {
    case 'complaint':
      return { kind: 'complaint', problems: [] };
    case 'service-request':
      return { kind: 'service-request', problems: [] };
    default:
      return { kind: answers.kind, problems: [] };
  }
}
