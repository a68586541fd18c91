import { passedOnSchema } from '../../domain/contact/contact-schemas.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { changeOpenContact } from './contact-access.ts';

/** Records that a compliment was passed to the staff member and their manager; that closes it. */
export async function recordComplimentPassedOn(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  form: Record<string, string | undefined>,
): Promise<void> {
  const { passedOnTo } = passedOnSchema.parse(form);
  await changeOpenContact(deps, principal, reference, 'compliment', (compliment, _tx, now) => {
    const record = compliment.details.compliment ?? { staffMemberName: '', managerName: '', passedOn: null };
    return Promise.resolve({
      changes: {
        status: 'closed',
        details: {
          ...compliment.details,
          compliment: { ...record, passedOn: { to: passedOnTo, by: principal.name, at: now.toISOString() } },
        },
      },
      what: `Passed on to ${passedOnTo}`,
      audit: { action: 'contact.compliment-passed-on', details: { passedOnTo } },
      result: undefined,
    });
  });
}
