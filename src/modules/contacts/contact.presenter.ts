import { dateTimeInWords, londonDateInWords } from '../../domain/calendar/dates-in-words.ts';
import { CHANNEL_NAMES, RELATIONSHIP_NAMES } from '../../domain/complaint/command-schemas.ts';
import { SUGGESTION_DECISIONS } from '../../domain/contact/contact-schemas.ts';
import type { ContactKind, ResidentChoice } from '../../domain/contact/triage.ts';
import type { ContactRow, ContactStatus } from './contact.repository.ts';

/** Plain-English words for the contact log's codes, and dates as staff read them. */

export const KIND_IN_WORDS: Record<ContactKind, string> = {
  complaint: 'Complaint',
  'service-request': 'Service request',
  compliment: 'Compliment',
  suggestion: 'Suggestion',
};

export const STATUS_IN_WORDS: Record<ContactStatus, string> = { open: 'Open', closed: 'Closed' };

export const CHOICE_IN_WORDS: Record<ResidentChoice, string> = {
  complaint: 'To make a complaint',
  'service-request': 'To make a service request',
  'no-complaint': 'They did not want to complain',
};

export const DECISION_IN_WORDS: Record<(typeof SUGGESTION_DECISIONS)[number], string> = {
  adopted: 'Adopted',
  'adopted-in-part': 'Adopted in part',
  'not-adopted': 'Not adopted',
};

export function suggestionDecisionInWords(decision: string): string {
  return DECISION_IN_WORDS[decision as keyof typeof DECISION_IN_WORDS] ?? decision;
}

export function inWords<K extends string>(words: Record<K, string>, code: string): string {
  return (words as Record<string, string>)[code] ?? code;
}

/** A row of the contact log. */
export function presentContactSummary(row: ContactRow) {
  // A complaint is followed on its case, so its row says that rather than its stored "closed".
  const caseReference = row.kind === 'complaint' ? (row.details.cases?.[0]?.reference ?? null) : null;
  return {
    reference: row.reference,
    kind: row.kind,
    kindInWords: KIND_IN_WORDS[row.kind],
    status: row.status,
    statusInWords: caseReference ? 'Handled as a complaint' : STATUS_IN_WORDS[row.status],
    /** The case a complaint is handled as, for a link to it. */
    caseReference,
    receivedAt: row.receivedAt.toISOString(),
    receivedInWords: dateTimeInWords(row.receivedAt),
    receivedOnInWords: londonDateInWords(row.receivedAt),
    residentName: row.residentName,
    summary: row.summary,
  };
}
export type ContactSummaryView = ReturnType<typeof presentContactSummary>;

/** Everything the contact's page shows. */
export function presentContact(row: ContactRow) {
  const d = row.details;
  return {
    ...presentContactSummary(row),
    channelInWords: inWords(CHANNEL_NAMES, row.channel),
    receivedByName: row.receivedByName,
    serviceArea: row.serviceArea,
    category: row.category,
    resident: d.resident,
    representative: d.representative
      ? {
          ...d.representative,
          relationshipInWords: inWords(RELATIONSHIP_NAMES, d.representative.relationship),
        }
      : null,
    triage: {
      dissatisfied: d.triage.dissatisfied,
      offeredChoice: d.triage.offeredChoice,
      residentChoseInWords: d.triage.residentChose ? inWords(CHOICE_IN_WORDS, d.triage.residentChose) : null,
    },
    cases: d.cases ?? [],
    compliment: d.compliment
      ? {
          ...d.compliment,
          passedOn: d.compliment.passedOn
            ? { ...d.compliment.passedOn, atInWords: dateTimeInWords(d.compliment.passedOn.at) }
            : null,
        }
      : null,
    suggestion: d.suggestion
      ? {
          ...d.suggestion,
          decisionInWords: suggestionDecisionInWords(d.suggestion.decision),
          atInWords: dateTimeInWords(d.suggestion.at),
        }
      : null,
    outcome: d.outcome ? { ...d.outcome, atInWords: dateTimeInWords(d.outcome.at) } : null,
    history: d.history.map((h) => ({ ...h, atInWords: dateTimeInWords(h.at) })),
  };
}
export type ContactView = ReturnType<typeof presentContact>;
