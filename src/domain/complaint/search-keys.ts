import type { ComplaintState } from './state.ts';

/**
 * Search keys: what callers quote (a phone number, a postcode, a tenancy reference, an e-mail
 * address, the number part of a reference), each normalised to one spelling and prefixed with its
 * kind, like `phone:447700900123` or `postcode:M11AA`. A case stores its keys (an indexed array);
 * a query is turned into the keys it could be, and a case matches when the two share one. Both
 * sides go through the same functions here, so "07700 900123" finds "+44 7700 900123".
 */

/** A UK postcode, compact and upper-case: outward code (A9, A9A, A99, AA9, AA9A, AA99) + inward (9AA). */
const COMPACT_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
/** A postcode within free text (an address), in any spacing. */
const POSTCODE_IN_TEXT = /(?<![A-Z\d])([A-Z]{1,2}\d[A-Z\d]?) *(\d[A-Z]{2})(?![A-Z\d])/gi;

const compact = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** A postcode as written on letters ("M1 1AA"), or null when the text is not shaped like one. */
export function formatPostcode(text: string): string | null {
  const match = COMPACT_POSTCODE.exec(compact(text));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** Every postcode-shaped part of an address, compact. */
export function postcodesIn(text: string): string[] {
  return [...text.matchAll(POSTCODE_IN_TEXT)].map((m) => `${m[1]}${m[2]}`.toUpperCase());
}

/**
 * A phone number as its international digits (UK numbers with 44): any spacing or punctuation;
 * `+44`, `0044`, `0` and `+44 (0)` prefixes all read the same. Null when it has too few or too many
 * digits to be a number.
 */
export function normalisePhone(text: string): string | null {
  const trimmed = text.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = `44${digits.slice(1)}`;
  else if (digits.length === 10 && !digits.startsWith('44')) digits = `44${digits}`; // the 0 left off
  if (digits.startsWith('440')) digits = `44${digits.slice(3)}`; // +44 (0)…
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/**
 * Tenancy references: compared on their letters and digits alone, any case ("TEN-004512" is
 * "ten 004512"): callers read them out with or without the separators.
 */
export const normaliseTenancy = (text: string): string | null =>
  text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase() || null;

export const normaliseEmail = (text: string): string | null => text.trim().toLowerCase() || null;

/** The number part of a reference (PREFIX-YYYY-NNNNNN), without its leading zeros. */
export function referenceNumber(reference: string): string | null {
  const match = /-(\d+)$/.exec(reference);
  return match?.[1] ? String(Number(match[1])) : null;
}

interface ContactDetails {
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  postcode?: string | undefined;
}

function contactKeys(contact: ContactDetails | undefined): (string | null)[] {
  if (!contact) return [];
  const phone = contact.phone ? normalisePhone(contact.phone) : null;
  const email = contact.email ? normaliseEmail(contact.email) : null;
  const postcodes = [
    ...(contact.postcode ? [compact(contact.postcode)] : []),
    ...(contact.address ? postcodesIn(contact.address) : []),
  ];
  return [
    phone && `phone:${phone}`,
    email && `email:${email}`,
    ...postcodes.map((postcode) => `postcode:${postcode}`),
  ];
}

/** The keys a case is found by: its reference's number and its people's details. Sorted, unique. */
export function searchKeysOf(state: ComplaintState): string[] {
  const refno = referenceNumber(state.reference);
  const complainant = state.complainant.kind === 'named' ? state.complainant : null;
  const tenancy = complainant?.tenancyReference ? normaliseTenancy(complainant.tenancyReference) : null;
  const keys = [
    refno && `refno:${refno}`,
    tenancy && `tenancy:${tenancy}`,
    ...contactKeys(complainant?.contact),
    ...contactKeys(state.representative?.contact),
    ...state.collectiveMembers.flatMap((member) => contactKeys(member.contact)),
  ];
  return [...new Set(keys.filter((key): key is string => Boolean(key)))].sort();
}

/**
 * The keys what was typed could be: the number part of a reference (`16`, `000016`), a phone
 * number, an e-mail address, a postcode, and always a tenancy reference (their formats vary by
 * landlord, and a key that matches nothing costs one index probe).
 */
export function searchKeysForQuery(query: string): string[] {
  const q = query.trim();
  if (!q || q.length > 200) return [];
  const keys: string[] = [];
  const refno = /^(?:\d{4}-)?(\d{1,9})$/.exec(q)?.[1];
  if (refno && Number(refno) > 0) keys.push(`refno:${String(Number(refno))}`);
  if (/^[+\d\s().-]+$/.test(q) && q.replace(/\D/g, '').length >= 7) {
    const phone = normalisePhone(q);
    if (phone) keys.push(`phone:${phone}`);
  }
  if (/^[^\s@]+@[^\s@]+$/.test(q)) keys.push(`email:${q.toLowerCase()}`);
  const postcode = COMPACT_POSTCODE.test(compact(q)) ? compact(q) : null;
  if (postcode) keys.push(`postcode:${postcode}`);
  const tenancy = normaliseTenancy(q);
  if (tenancy && tenancy.length <= 50) keys.push(`tenancy:${tenancy}`);
  return keys;
}
