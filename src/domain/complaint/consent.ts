import { CONSENT_EXEMPT_RELATIONSHIPS } from './command-schemas.ts';
import type { ComplaintState } from './state.ts';

/**
 * Whether the resident's consent to their representative is still needed: there is a
 * representative who is not an MP, councillor or holder of power of attorney (the Code lets those
 * act without it), the consent was not held when the complaint was made, and none has been recorded.
 */
export function consentOutstanding(state: ComplaintState): boolean {
  const representative = state.representative;
  return (
    representative !== null &&
    !representative.consentHeld &&
    !CONSENT_EXEMPT_RELATIONSHIPS.includes(representative.relationship) &&
    state.consentRecorded === null
  );
}
