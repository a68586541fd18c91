/**
 * The UK's three bank holiday divisions, named as gov.uk names them (Wales shares England's bank
 * holidays).
 */
export type Jurisdiction = 'england-and-wales' | 'scotland' | 'northern-ireland';

export const JURISDICTIONS: readonly Jurisdiction[] = Object.freeze([
  'england-and-wales',
  'scotland',
  'northern-ireland',
]);

export function isJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(value);
}

/** The years every calendar covers; dates outside them are refused rather than guessed. */
export const FIRST_SUPPORTED_YEAR = 1990;
export const LAST_SUPPORTED_YEAR = 2099;
