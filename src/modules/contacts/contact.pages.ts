import type { PageRoute } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

/** Logging a contact and triage: complaints, service requests, compliments, suggestions. */
export function contactPages(_deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [];
}
