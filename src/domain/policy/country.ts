import { z } from 'zod';
import type { Jurisdiction } from '../calendar/index.ts';

/**
 * The country of a case decides its regime: which Ombudsman the resident can go to and which
 * benchmark (the Code, or a model procedure) its handling is measured against. Its bank holidays
 * come from the calendar division instead: Wales shares England's, but not its Ombudsman.
 */
export const COUNTRIES = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Country = (typeof COUNTRIES)[number];

export const countrySchema = z.enum(COUNTRIES, {
  error: 'Select England, Wales, Scotland or Northern Ireland',
});

export const COUNTRY_NAMES: Record<Country, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const DIVISIONS: Record<Country, Jurisdiction> = {
  england: 'england-and-wales',
  wales: 'england-and-wales',
  scotland: 'scotland',
  'northern-ireland': 'northern-ireland',
};

/** The bank-holiday calendar (the UK government's division) a country's working days follow. */
export function divisionOf(country: Country): Jurisdiction {
  return DIVISIONS[country];
}

/**
 * Records written before countries were separated from calendars said 'england-and-wales'. The
 * only regime those records ran was the Housing Ombudsman's Code, so they are English.
 */
export function countryFromLegacy(value: string): Country {
  if (value === 'england-and-wales') return 'england';
  return countrySchema.parse(value);
}
