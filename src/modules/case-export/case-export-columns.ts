import { londonDateOf, type IsoDate } from '../../domain/calendar/index.ts';
import { CHANNEL_NAMES } from '../../domain/complaint/command-schemas.ts';
import type { DeadlineKind } from '../../domain/complaint/deadlines.ts';
import { serviceAreaName, type ServiceArea } from '../administration/service-areas.repository.ts';
import { STATUS_IN_WORDS } from '../casework/case-list-words.ts';
import { DEADLINE_KIND_IN_WORDS } from '../casework/deadline-words.ts';
import type { ExportedComplaint } from '../complaints/list-complaints.use-case.ts';

/** A cell: words, or a date (ISO in CSV, a real date cell in XLSX). */
export type ExportCell = string | { date: IsoDate } | null;

export const EXPORT_HEADINGS = [
  'Reference',
  'Kind',
  'Status',
  'Stage',
  'Received',
  'Service area',
  'How it was made',
  'Complainant',
  'Handler',
  'Current deadline',
  'Current deadline date',
  'Last deadline outcome',
] as const;

const OUTCOME_IN_WORDS = { met: 'Met', missed: 'Missed' } as const;

function kindOf(item: ExportedComplaint): string {
  if (item.collective) return 'Collective complaint';
  return item.complainantName === null ? 'Anonymous complaint' : 'Complaint';
}

/** One case as a row of cells, in the words the case list uses. */
export function exportRow(item: ExportedComplaint, areas: readonly ServiceArea[]): ExportCell[] {
  const deadline = item.currentDeadline;
  return [
    item.reference,
    kindOf(item),
    STATUS_IN_WORDS[item.status],
    `Stage ${String(item.stage)}`,
    { date: londonDateOf(new Date(item.receivedAt)) },
    serviceAreaName(areas, item.serviceArea),
    CHANNEL_NAMES[item.channel as keyof typeof CHANNEL_NAMES] ?? item.channel,
    item.complainantName ?? 'Anonymous',
    item.handler?.name ?? 'Not assigned',
    deadline ? (DEADLINE_KIND_IN_WORDS[deadline.kind as DeadlineKind] ?? 'Deadline') : 'None open',
    deadline ? { date: deadline.due } : null,
    item.lastDeadlineOutcome ? OUTCOME_IN_WORDS[item.lastDeadlineOutcome] : null,
  ];
}

/**
 * Spreadsheets run a CSV cell that starts with =, +, -, @, a tab or a carriage return as a formula
 * (CSV injection): such a cell gets a leading apostrophe, which shows it as text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
