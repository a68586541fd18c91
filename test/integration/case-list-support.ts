import type { ReceiveInput } from '../../src/domain/complaint/command-schemas.ts';
import type { DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import type { CaseActor } from '../../src/modules/complaints/case-actor.ts';
import type { StaffRole } from '../../src/modules/staff/staff-roles.ts';

/** The case references a list page shows, in order. */
export function referencesOn(body: string): string[] {
  return [
    ...body.matchAll(
      /<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/cases\/([^"]+)">/g,
    ),
  ].map((m) => m[1] ?? '');
}

/** A plain complaint, received by the use case the API and pages use. */
export function complaint(name: string, overrides: Partial<ReceiveInput> = {}): ReceiveInput {
  return {
    receivedAt: '2026-02-20T10:00:00Z',
    channel: 'phone',
    issueDate: '2026-02-10',
    issueDateKind: 'occurred',
    complainant: { kind: 'named', name },
    serviceArea: 'repairs',
    summary: 'The kitchen tap has leaked for a month.',
    ...overrides,
  };
}

/** One of the demo landlord's staff, acting directly through a use case. */
export function demoActor(demo: DemoLandlord, role: StaffRole = 'complaints-officer'): CaseActor {
  const account = demo.signIns.find((s) => s.role === role);
  if (!account) throw new Error(`The demo has no ${role}`);
  return { kind: 'staff', member: { id: account.staffId, name: account.name }, role };
}
