import { STAFF_REF_FIELDS, type StaffMember, type StaffRef } from './command-schemas.ts';

/** An input as the rules see it: every staff reference replaced by the staff member it names. */
export type WithStaff<T> = T extends StaffRef
  ? StaffMember
  : T extends readonly (infer U)[]
    ? WithStaff<U>[]
    : T extends object
      ? { [K in keyof T]: WithStaff<T[K]> }
      : T;

export type StaffRefField = (typeof STAFF_REF_FIELDS)[number];

/**
 * Replaces the staff references of an input (its `handler`, `receivedBy`) with the staff members
 * `resolve` finds. `resolve` is where the caller checks that the account exists, is active and may
 * take that part; the rules only ever see staff members.
 */
export async function resolveStaffRefs<T extends object>(
  input: T,
  resolve: (ref: StaffRef, field: StaffRefField) => Promise<StaffMember>,
): Promise<WithStaff<T>> {
  const resolved = { ...input } as Record<string, unknown>;
  for (const field of STAFF_REF_FIELDS) {
    const ref = resolved[field] as StaffRef | undefined;
    if (ref !== undefined) resolved[field] = await resolve(ref, field);
  }
  return resolved as WithStaff<T>;
}
