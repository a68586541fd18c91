import { closeServiceRequestSchema } from '../../domain/contact/contact-schemas.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { changeOpenContact } from './contact-access.ts';

/** Closes a service request with its outcome (complaints raised about it carry on separately). */
export async function closeServiceRequest(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  form: Record<string, string | undefined>,
): Promise<void> {
  const { outcome } = closeServiceRequestSchema.parse(form);
  await changeOpenContact(deps, principal, reference, 'service-request', (request, _tx, now) =>
    Promise.resolve({
      changes: {
        status: 'closed',
        details: {
          ...request.details,
          outcome: { text: outcome, by: principal.name, at: now.toISOString() },
        },
      },
      what: 'Closed with an outcome',
      audit: { action: 'contact.service-request-closed', details: {} },
      result: undefined,
    }),
  );
}
