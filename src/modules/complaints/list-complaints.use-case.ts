import { z } from 'zod';
import { calendarFor, londonDateOf, type Jurisdiction } from '../../domain/calendar/index.ts';
import {
  DEADLINE_STATUSES,
  DUE_SOON_WORKING_DAYS,
  type DeadlineStatus,
} from '../../domain/complaint/deadlines.ts';
import { STATUSES } from '../../domain/complaint/state.ts';
import { jurisdictionSchema } from '../../domain/policy/policy-schema.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { listClosureDays } from '../organisations/organisation.repository.ts';
import { listCases } from './complaint.repository.ts';
import type { ComplaintDeps } from './deps.ts';

export const listComplaintsQuerySchema = z.object({
  status: z.enum(STATUSES, { error: `Select a status: ${STATUSES.join(', ')}` }).optional(),
  stage: z.coerce
    .number({ error: 'Select stage 1 or 2' })
    .pipe(z.union([z.literal(1), z.literal(2)], { error: 'Select stage 1 or 2' }))
    .optional(),
  deadlineStatus: z
    .enum(DEADLINE_STATUSES, { error: `Select a deadline status: ${DEADLINE_STATUSES.join(', ')}` })
    .optional(),
  handlerId: z.string().min(1).max(100).optional(),
  serviceArea: z.string().min(1).max(100).optional(),
  limit: z.coerce
    .number({ error: 'Enter a limit from 1 to 200' })
    .int('Enter a whole number limit')
    .min(1, 'Enter a limit from 1 to 200')
    .max(200, 'Enter a limit from 1 to 200')
    .default(50),
  cursor: z.string().max(200).optional(),
});
export type ListComplaintsQuery = z.input<typeof listComplaintsQuerySchema>;

const cursorSchema = z.object({ r: z.iso.datetime({ offset: true }), c: z.uuid() });

function decodeCursor(cursor: string | undefined): { receivedAt: string; caseId: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { receivedAt: parsed.r, caseId: parsed.c };
  } catch {
    throw new InvalidInputError(
      'The cursor is not one this API gave out: use nextCursor from a previous page',
      'cursor',
    );
  }
}

const encodeCursor = (receivedAt: Date, caseId: string) =>
  Buffer.from(JSON.stringify({ r: receivedAt.toISOString(), c: caseId })).toString('base64url');

/** A page of complaints, newest first; deadline statuses are computed for today in each calendar. */
export async function listComplaints(deps: ComplaintDeps, organisationId: string, raw: ListComplaintsQuery) {
  const query = listComplaintsQuerySchema.parse(raw);
  const now = deps.clock.now();
  const today = londonDateOf(now);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const closures = await listClosureDays(tx, organisationId);
    const calendars = Object.fromEntries(
      jurisdictionSchema.options.map((j) => [j, calendarFor(j, closures)]),
    ) as Record<Jurisdiction, ReturnType<typeof calendarFor>>;
    const dueSoonBefore = Object.fromEntries(
      jurisdictionSchema.options.map((j) => [
        j,
        calendars[j].addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1),
      ]),
    );
    const { rows, more } = await listCases(
      tx,
      organisationId,
      {
        status: query.status,
        stage: query.stage,
        deadlineStatus: query.deadlineStatus,
        handlerId: query.handlerId,
        serviceArea: query.serviceArea,
        limit: query.limit,
        after: decodeCursor(query.cursor),
      },
      { today, dueSoonBefore },
    );
    const last = rows.at(-1);
    return {
      items: rows.map(({ state, currentDeadlineKind, currentDeadlineDue, lastDeadlineOutcome }) => {
        const before = dueSoonBefore[state.jurisdiction] ?? today;
        const deadlineStatus: DeadlineStatus | null = currentDeadlineDue
          ? currentDeadlineDue < today
            ? 'overdue'
            : currentDeadlineDue < before
              ? 'due-soon'
              : 'on-track'
          : lastDeadlineOutcome;
        const handler = state.stage === 2 ? state.stage2.handler : state.stage1.handler;
        return {
          id: state.caseId,
          reference: state.reference,
          status: state.status,
          stage: state.stage,
          jurisdiction: state.jurisdiction,
          serviceArea: state.serviceArea,
          channel: state.channel,
          receivedAt: state.receivedAt,
          complainantName: state.complainant.kind === 'named' ? state.complainant.name : null,
          handler,
          currentDeadline: currentDeadlineDue ? { kind: currentDeadlineKind, due: currentDeadlineDue } : null,
          deadlineStatus,
        };
      }),
      nextCursor: more && last ? encodeCursor(last.receivedAt, last.caseId) : null,
    };
  });
}
