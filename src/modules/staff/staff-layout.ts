import { may } from '../../domain/access/permissions.ts';
import type { StaffPrincipal } from './staff-principal.ts';

export const PATHS = {
  signIn: '/sign-in',
  signOut: '/sign-out',
  home: '/dashboard',
  changePassword: '/change-password',
  cases: '/cases',
  team: '/team',
  contacts: '/contacts',
  logContact: '/contacts/new',
  administration: '/admin',
  staffAccounts: '/admin/staff',
} as const;

/** A navigation item: current on its own path, active (highlighted) anywhere beneath it. */
function item(text: string, href: string, path: string) {
  return { text, href, current: path === href, active: path.startsWith(`${href}/`) };
}

/** The header's data: who is signed in (and where), and the service navigation for their role. */
export function staffLayout(principal: StaffPrincipal | null, path: string): Record<string, unknown> {
  if (!principal) return { signedIn: null, navigation: [] };
  const role = principal.role;
  const navigation = principal.mustChangePassword
    ? []
    : [
        item('Dashboard', PATHS.home, path),
        ...(may(role, 'view-cases') ? [item('Cases', PATHS.cases, path)] : []),
        // The team's workload is for those who give cases to handlers.
        ...(may(role, 'assign-handler') ? [item('Team', PATHS.team, path)] : []),
        ...(may(role, 'log-contact')
          ? [
              // "Log a contact" lives under /contacts, so the contact log is not also highlighted.
              { ...item('Log a contact', PATHS.logContact, path), active: false },
              {
                ...item('Contacts', PATHS.contacts, path),
                active: path.startsWith(`${PATHS.contacts}/`) && path !== PATHS.logContact,
              },
            ]
          : []),
        ...(may(role, 'administer') ? [item('Administration', PATHS.administration, path)] : []),
      ];
  return {
    signedIn: { name: principal.name, organisationName: principal.organisationName },
    navigation,
    paths: PATHS,
  };
}
