import { dateInWords, dayInWords } from '../../domain/calendar/dates-in-words.ts';

/**
 * One line per audit_log entry, for the audit page. Only what the entry needs is shown — names of
 * what changed, never e-mail addresses, reasons given at sign-in or other details — and a staff
 * account the entry is about is named (`subjectName`), not shown as an id.
 */
type Details = Readonly<Record<string, unknown>>;

const text = (details: Details, key: string): string => {
  const value = details[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const isoDate = (details: Details, key: string, inWords: (d: string) => string): string => {
  const value = text(details, key);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? inWords(value) : value;
};

/** What each known action says; `about` is the staff account the entry concerns, by name. */
const WORDS: Readonly<Record<string, (d: Details, about: string) => string>> = {
  'organisation-created': (d) => `Organisation created: ${text(d, 'name')}`,
  'api-key-created': (d) => `API key created: ${text(d, 'name')}`,
  'api-key-revoked': (d) => `API key revoked: ${text(d, 'name')}`,
  'policy-version-adopted': (d) =>
    `Policy adopted: ${text(d, 'key')} version ${text(d, 'version')}, from ${isoDate(d, 'effectiveFrom', dateInWords)}`,
  'closure-day-added': (d) =>
    `Closure day added: ${isoDate(d, 'day', dayInWords)} (${text(d, 'description')})`,
  'closure-day-removed': (d) => `Closure day removed: ${isoDate(d, 'day', dayInWords)}`,
  'service-area-added': (d) => `Service area added: ${text(d, 'name')}`,
  'service-area-renamed': (d) => `Service area renamed from ${text(d, 'from')} to ${text(d, 'to')}`,
  'service-area-retired': (d) => `Service area retired: ${text(d, 'code')}`,
  'service-area-restored': (d) => `Service area brought back into use: ${text(d, 'code')}`,
  'service-category-added': (d) => `Service category added: ${text(d, 'name')}`,
  'service-category-renamed': (d) => `Service category renamed from ${text(d, 'from')} to ${text(d, 'to')}`,
  'bank-holidays-imported': () => 'Bank holiday list updated',
  'staff-account-created': (_, about) => `Staff account created for ${about}`,
  'staff-account-disabled': (_, about) => `Staff account disabled: ${about}`,
  'staff-account-enabled': (_, about) => `Staff account re-enabled: ${about}`,
  'staff-account-locked': (_, about) => `Staff account locked after wrong passwords: ${about}`,
  'staff-password-reset': (_, about) => `Temporary password set for ${about}`,
  'staff-password-changed': (_, about) => `Password changed by ${about}`,
  'staff-password-change-failed': (_, about) => `Password change refused (wrong current password): ${about}`,
  'staff-signed-in': (_, about) => `${about} signed in`,
  'staff-signed-out': (_, about) => `${about} signed out`,
  'staff-sign-in-failed': (_, about) => `Sign-in failed (wrong password): ${about}`,
  'staff-sign-in-refused': (_, about) => `Sign-in refused: ${about}`,
  'contact.logged': (d) => `Contact logged: ${text(d, 'reference')}`,
  'contact.compliment-passed-on': (d) => `Compliment passed on: ${text(d, 'reference')}`,
  'contact.service-request-closed': (d) => `Service request closed: ${text(d, 'reference')}`,
  'contact.complaint-raised': (d) => `Complaint raised about service request ${text(d, 'reference')}`,
  'contact.suggestion-assessed': (d) => `Suggestion assessed: ${text(d, 'reference')}`,
};

/** "service-area-retired" → "Service area retired", for an action this page does not know yet. */
const actionInWords = (action: string): string => {
  const words = action.replace(/[-._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The staff account an entry is about (`details.staffId`), if any. */
export function subjectStaffId(details: Details): string | undefined {
  const id = details.staffId;
  return typeof id === 'string' ? id : undefined;
}

export function describeAuditEntry(action: string, details: Details, about: string): string {
  const words = Object.hasOwn(WORDS, action) ? WORDS[action] : undefined;
  return words ? words(details, about) : actionInWords(action);
}
