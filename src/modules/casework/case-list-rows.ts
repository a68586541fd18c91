import type { IsoDate } from '../../domain/calendar/index.ts';
import type { DeadlineKind, DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import { serviceAreaName, type ServiceArea } from '../administration/service-areas.repository.ts';
import type { listComplaints } from '../complaints/list-complaints.use-case.ts';
import { STATUS_IN_WORDS } from './case-list-words.ts';
import { dateInWords } from '../../domain/calendar/dates-in-words.ts';
import { DEADLINE_KIND_IN_WORDS, deadlineInWords, URGENCY_TAG_CLASSES } from './deadline-words.ts';

type ListedComplaint = Awaited<ReturnType<typeof listComplaints>>['items'][number];

/** One row of a case table (dashboard or case list), already in words; the template escapes it. */
export interface CaseRow {
  reference: string;
  href: string;
  complainant: string;
  /** The first line of the address and the postcode, or the tenancy reference: tells namesakes apart. */
  home: string;
  serviceArea: string;
  stage: string;
  status: string;
  handler: string;
  deadline: { what: string; due: string; status: string; tagClasses: string; extended: boolean } | null;
  /** When there is no current deadline: how the last one went, or that there is none. */
  noDeadline: string;
}

const LAST_OUTCOME: Partial<Record<DeadlineStatus, string>> = {
  met: 'None open (last one met)',
  missed: 'None open (last one missed)',
};

export function caseRow(item: ListedComplaint, today: IsoDate, areas: readonly ServiceArea[]): CaseRow {
  const current = item.currentDeadline;
  const words = current ? deadlineInWords(today, current.due, current.workingDaysLeft) : null;
  return {
    reference: item.reference,
    href: `/cases/${encodeURIComponent(item.reference)}`,
    complainant: item.complainantName ?? 'Anonymous',
    home:
      [item.addressLine, item.postcode].filter(Boolean).join(', ') ||
      (item.tenancyReference ? `Tenancy ${item.tenancyReference}` : ''),
    serviceArea: serviceAreaName(areas, item.serviceArea),
    stage: `Stage ${String(item.stage)}`,
    status: STATUS_IN_WORDS[item.status],
    handler: item.handler?.name ?? 'Not assigned',
    deadline:
      current && words
        ? {
            what: DEADLINE_KIND_IN_WORDS[current.kind as DeadlineKind] ?? 'Deadline',
            due: dateInWords(current.due),
            status: words.text,
            tagClasses: URGENCY_TAG_CLASSES[words.urgency],
            extended: current.extended,
          }
        : null,
    noDeadline: (item.deadlineStatus && LAST_OUTCOME[item.deadlineStatus]) ?? 'None open',
  };
}
