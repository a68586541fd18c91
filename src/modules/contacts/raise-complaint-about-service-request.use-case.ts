import { z } from 'zod';
import { londonDateOf } from '../../domain/calendar/index.ts';
import { INTAKE_CHANNELS } from '../../domain/complaint/command-schemas.ts';
import { receiveComplaintUseCase } from '../complaints/receive-complaint.use-case.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { caseActorOf, changeOpenContact, depsInTransaction } from './contact-access.ts';
import { complaintInputOf, onContactForm } from './log-contact.use-case.ts';

const raiseComplaintSchema = z.object({
  channel: z.enum(INTAKE_CHANNELS, { error: 'Select how the resident told us they were unhappy' }),
  summary: z
    .string({ error: 'Enter what the resident is unhappy about' })
    .trim()
    .min(1, 'Enter what the resident is unhappy about')
    .max(20000, 'What the resident is unhappy about must be 20000 characters or fewer'),
});

/**
 * The resident is unhappy with how a service request is being handled: a complaint is raised about
 * it (now, for the same resident and service area) and the service request carries on, open.
 */
export async function raiseComplaintAboutServiceRequest(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  form: Record<string, string | undefined>,
): Promise<{ caseReference: string }> {
  const answers = raiseComplaintSchema.parse(form);
  const organisationId = principal.organisationId;
  return changeOpenContact(deps, principal, reference, 'service-request', async (request, tx, now) => {
    if (request.linkedCaseId) {
      const existing = request.details.cases?.at(-1)?.reference ?? 'already';
      throw new InvalidInputError(
        `A complaint has already been raised about this service request (${existing})`,
      );
    }
    // Logging refuses a service request without a service area, so a complaint about it always has one.
    const { serviceArea } = request;
    if (serviceArea === null) throw new Error(`Service request ${request.reference} has no service area`);
    const resident = request.details.resident;
    const input = complaintInputOf(
      {
        channel: answers.channel,
        receivedAt: now.toISOString(),
        resident,
        representative: request.details.representative,
        summary: `About service request ${request.reference}: ${answers.summary}`,
        serviceArea,
        category: request.category ?? undefined,
      },
      // The dissatisfaction is with the handling of the request, which began when it was made.
      { issueDate: londonDateOf(request.receivedAt), issueDateKind: 'occurred' },
    );
    const complaint = await onContactForm(() =>
      receiveComplaintUseCase(
        depsInTransaction(deps, organisationId, tx),
        organisationId,
        input,
        caseActorOf(principal),
      ),
    );
    const linked = { caseId: complaint.id, reference: complaint.reference };
    return {
      changes: {
        linkedCaseId: linked.caseId,
        details: { ...request.details, cases: [...(request.details.cases ?? []), linked] },
      },
      what: `Complaint ${linked.reference} raised about this service request; the request stays open`,
      audit: { action: 'contact.complaint-raised', details: { caseReference: linked.reference } },
      result: { caseReference: linked.reference },
    };
  });
}
