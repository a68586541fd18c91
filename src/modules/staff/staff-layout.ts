import type { StaffPrincipal } from './staff-principal.ts';

export const PATHS = {
  signIn: '/sign-in',
  signOut: '/sign-out',
  home: '/dashboard',
  changePassword: '/change-password',
  staffAccounts: '/admin/staff',
} as const;

/** The header's data: who is signed in (and where), and the service navigation for their role. */
export function staffLayout(principal: StaffPrincipal | null, path: string): Record<string, unknown> {
  if (!principal) return { signedIn: null, navigation: [] };
  const navigation = principal.mustChangePassword
    ? []
    : [
        { text: 'Dashboard', href: PATHS.home, current: path === PATHS.home },
        ...(principal.role === 'administrator'
          ? [
              {
                text: 'Staff accounts',
                href: PATHS.staffAccounts,
                current: path === PATHS.staffAccounts,
                active: path.startsWith(`${PATHS.staffAccounts}/`),
              },
            ]
          : []),
      ];
  return {
    signedIn: { name: principal.name, organisationName: principal.organisationName },
    navigation,
    paths: PATHS,
  };
}
