import type { CommandName } from '../complaint/decide.ts';

/**
 * Who may do what. One typed table: route checks and the buttons on a case page are both derived
 * from it, combined with what the rules allow on the case now (`allowedCommands`).
 */

export const ROLES = [
  'front-line',
  'handler',
  'complaints-officer',
  'senior-lead',
  'board-member',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  'front-line': 'Front-line staff',
  handler: 'Complaint handler',
  'complaints-officer': 'Complaints officer',
  'senior-lead': 'Senior lead or director',
  'board-member': 'Board member or Member Responsible for Complaints',
  administrator: 'Administrator',
};

/** Actions that are not lifecycle commands on one case. */
export const SERVICE_ACTIONS = [
  'log-contact',
  'view-cases',
  'view-dashboard',
  'view-reports',
  'administer',
] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];
export type Action = CommandName | ServiceAction;

const CASEWORK: readonly CommandName[] = [
  'record-consent',
  'acknowledge',
  'add-point',
  'spin-off',
  'extend',
  'record-contact',
  'respond',
  'complete-action',
];

/**
 * The table. Board members see aggregates only (the dashboard's counts and reports: no personal
 * data, so no cases); administrators run
 * the service (accounts, policy, calendars) without access to case files they do not need.
 */
export const PERMISSIONS: { readonly [R in Role]: readonly Action[] } = {
  'front-line': ['log-contact', 'view-cases', 'view-dashboard', 'record-contact'],
  handler: ['log-contact', 'view-cases', 'view-dashboard', ...CASEWORK],
  'complaints-officer': [
    'log-contact',
    'view-cases',
    'view-dashboard',
    'view-reports',
    'accept',
    'not-accept',
    'assign-handler',
    'escalate',
    'refuse-escalation',
    'acknowledge-stage-2',
    'discontinue',
    'withdraw',
    'close',
    ...CASEWORK.filter((c) => c !== 'respond'),
  ],
  'senior-lead': [
    'log-contact',
    'view-cases',
    'view-dashboard',
    'view-reports',
    ...CASEWORK,
    'assign-handler',
    'escalate',
    'refuse-escalation',
    'acknowledge-stage-2',
    'final-response',
    'discontinue',
    'close',
  ],
  'board-member': ['view-dashboard', 'view-reports'],
  administrator: ['administer', 'view-dashboard'],
};

export function may(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** The lifecycle actions to offer this role among those the rules allow on a case now. */
export function actionsFor(role: Role, available: readonly CommandName[]): CommandName[] {
  return available.filter((command) => may(role, command));
}

/** The roles allowed an action: what a page declares as its `roles`, so routes follow the table. */
export function rolesAllowedTo(action: Action): Role[] {
  return ROLES.filter((role) => may(role, action));
}
