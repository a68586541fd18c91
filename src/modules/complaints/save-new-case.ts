import { randomUUID } from 'node:crypto';
import { calendarFor, londonDateOf } from '../../domain/calendar/index.ts';
import { deriveDeadlines } from '../../domain/complaint/deadlines.ts';
import { receiveComplaint, type ReceiveCommand } from '../../domain/complaint/receive.ts';
import { divisionOf } from '../../domain/policy/country.ts';
import { evolve, type ComplaintState } from '../../domain/complaint/state.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { findOrganisation, policyInForce } from '../organisations/organisation.repository.ts';
import { checkServiceArea } from '../administration/check-service-area.ts';
import type { ResolvedActor } from './case-actor.ts';
import { closureDaysFor, projectionOf, type CaseContext, type Clock } from './case-context.ts';
import { insertCase, loadCaseState, nextReference } from './complaint.repository.ts';

/**
 * Receives a complaint inside an open tenant transaction: picks the policy version in force on the
 * day it was received, allocates the reference, and saves the first event with its projection.
 */
export async function saveNewCase(
  tx: Transaction,
  organisationId: string,
  input: ReceiveCommand,
  actor: ResolvedActor,
  clock: Clock,
  preallocated?: { caseId: string; reference: string },
): Promise<{ state: ComplaintState; ctx: CaseContext }> {
  const org = await findOrganisation(tx, organisationId);
  if (!org) throw new NotFoundError('Your organisation was not found');
  const receivedOn = londonDateOf(input.receivedAt);
  const policy = await policyInForce(tx, organisationId, receivedOn);
  if (!policy) throw new Error(`Organisation ${organisationId} has no policy`);
  await checkServiceArea(tx, organisationId, input.serviceArea, input.category);
  if (input.linkedFrom && !(await loadCaseState(tx, organisationId, input.linkedFrom))) {
    throw new InvalidInputError(`There is no complaint ${input.linkedFrom} to link to`, 'linkedFrom');
  }
  const closures = await closureDaysFor(tx, organisationId, 'write');
  const { caseId, reference } = preallocated ?? {
    caseId: randomUUID(),
    reference: await nextReference(tx, organisationId, org.referencePrefix, Number(receivedOn.slice(0, 4))),
  };
  const now = clock.now();
  const received = receiveComplaint(input, {
    caseId,
    reference,
    policy,
    actor: actor.member,
    now,
    calendarFor: (_rules, country) => calendarFor(divisionOf(country), closures),
  });
  const event = actor.via ? { ...received, via: actor.via } : received;
  const state = evolve(null, event);
  const rules = policy.rules[state.country];
  if (!rules) throw new Error('receiveComplaint accepted a country the policy lacks');
  const ctx: CaseContext = {
    policy,
    rules,
    calendar: calendarFor(divisionOf(state.country), closures),
    now,
    today: londonDateOf(now),
  };
  await insertCase(
    tx,
    organisationId,
    state,
    [event],
    projectionOf(deriveDeadlines(state, rules, ctx.calendar, ctx.today)),
  );
  return { state, ctx };
}

export async function allocateReference(
  tx: Transaction,
  organisationId: string,
  on: string,
): Promise<{ caseId: string; reference: string }> {
  const org = await findOrganisation(tx, organisationId);
  if (!org) throw new NotFoundError('Your organisation was not found');
  return {
    caseId: randomUUID(),
    reference: await nextReference(tx, organisationId, org.referencePrefix, Number(on.slice(0, 4))),
  };
}
