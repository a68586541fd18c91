import { suggestionOutcomeSchema } from '../../domain/contact/contact-schemas.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { changeOpenContact } from './contact-access.ts';
import { suggestionDecisionInWords } from './contact.presenter.ts';

/** A suggestion is assessed, the resident told the outcome, and it is closed. */
export async function recordSuggestionOutcome(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  form: Record<string, string | undefined>,
): Promise<void> {
  const { decision, assessment } = suggestionOutcomeSchema.parse(form);
  await changeOpenContact(deps, principal, reference, 'suggestion', (suggestion, _tx, now) =>
    Promise.resolve({
      changes: {
        status: 'closed',
        details: {
          ...suggestion.details,
          suggestion: { decision, assessment, by: principal.name, at: now.toISOString() },
        },
      },
      what: `Assessed: ${suggestionDecisionInWords(decision)}; the resident was told`,
      audit: { action: 'contact.suggestion-assessed', details: { decision } },
      result: undefined,
    }),
  );
}
