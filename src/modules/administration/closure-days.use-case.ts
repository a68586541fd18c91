import { z } from 'zod';
import {
  compareIsoDates,
  FIRST_SUPPORTED_DATE,
  LAST_SUPPORTED_DATE,
  londonDateOf,
  type IsoDate,
} from '../../domain/calendar/index.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { reprojectOpenCases } from '../complaints/reproject-open-cases.ts';
import {
  audit,
  deleteClosureDay,
  insertClosureDay,
  listClosureDayEntries,
  type ClosureDay,
} from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAdministration } from './administration-access.ts';
import { retryingOnUniqueViolation } from '../../platform/db/unique-violation.ts';
import { dateInWords, dayInWords } from '../../domain/calendar/dates-in-words.ts';

/**
 * Closure days: days the landlord's offices are shut, which are not working days for any of its
 * deadlines. Changing them moves the deadlines of open cases, so each change re-projects every
 * open case in the same transaction. Only today or later can be added, and only later days
 * removed: past deadlines were judged on the days as they were, and stay so.
 */

const closureDaySchema = z.object({
  day: z.iso.date('Enter the date of the closure day'),
  description: z
    .string()
    .trim()
    .min(1, 'Enter a description, like Christmas closure')
    .max(200, 'The description must be 200 characters or fewer'),
});

export async function closureDaysOverview(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<{ upcoming: ClosureDay[]; past: ClosureDay[]; today: IsoDate }> {
  requireAdministration(principal);
  const today = londonDateOf(deps.clock.now());
  const all = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    listClosureDayEntries(tx, principal.organisationId),
  );
  return {
    upcoming: all.filter((c) => compareIsoDates(c.day, today) >= 0),
    past: all.filter((c) => compareIsoDates(c.day, today) < 0).reverse(),
    today,
  };
}

export async function addClosureDay(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: { day: string; description: string },
): Promise<{ casesMoved: number }> {
  const actor = requireAdministration(principal);
  const closure = closureDaySchema.parse(raw);
  const today = londonDateOf(deps.clock.now());
  if (compareIsoDates(closure.day, today) < 0) {
    throw new InvalidInputError('The date of the closure day must be today or in the future', 'day');
  }
  if (
    compareIsoDates(closure.day, LAST_SUPPORTED_DATE) > 0 ||
    compareIsoDates(closure.day, FIRST_SUPPORTED_DATE) < 0
  ) {
    throw new InvalidInputError(
      `The date of the closure day must be ${dateInWords(LAST_SUPPORTED_DATE)} or earlier`,
      'day',
    );
  }
  const { organisationId } = principal;
  return retryingOnUniqueViolation(() =>
    deps.db.forOrganisation(organisationId, async (tx) => {
      const existing = await listClosureDayEntries(tx, organisationId);
      if (existing.some((c) => c.day === closure.day)) {
        throw new InvalidInputError(`${dayInWords(closure.day)} is already a closure day`, 'day');
      }
      await insertClosureDay(tx, organisationId, closure);
      const casesMoved = await reprojectOpenCases(tx, organisationId, deps.clock);
      await audit(tx, {
        organisationId,
        actor,
        action: 'closure-day-added',
        details: { ...closure, casesMoved },
      });
      return { casesMoved };
    }),
  );
}

export async function removeClosureDay(
  deps: StaffDeps,
  principal: StaffPrincipal,
  day: IsoDate,
): Promise<{ casesMoved: number }> {
  const actor = requireAdministration(principal);
  const today = londonDateOf(deps.clock.now());
  if (compareIsoDates(day, today) <= 0) {
    throw new InvalidInputError('Only closure days after today can be removed', 'day');
  }
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    if (!(await deleteClosureDay(tx, organisationId, day)))
      throw new NotFoundError('There is no such closure day');
    const casesMoved = await reprojectOpenCases(tx, organisationId, deps.clock);
    await audit(tx, { organisationId, actor, action: 'closure-day-removed', details: { day, casesMoved } });
    return { casesMoved };
  });
}
