import type { ReceiveInput } from '../../src/domain/complaint/command-schemas.ts';

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
    receivedBy: { id: 'test-officer', name: 'Test Officer' },
    issueDate: '2026-02-10',
    issueDateKind: 'occurred',
    complainant: { kind: 'named', name },
    serviceArea: 'repairs',
    summary: 'The kitchen tap has leaked for a month.',
    ...overrides,
  };
}
