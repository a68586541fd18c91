/**
 * The one strict reading of a timestamp string, shared by the input schemas and the domain: whatever
 * a schema accepts, the domain can read and PostgreSQL can store (PostgreSQL refuses year 0000 and
 * offsets beyond ±15:59, and `Date` would roll impossible dates over instead of refusing them).
 */
import { epochDayOfCivil, isIsoDate } from './iso-date.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** No zone on Earth is further from UTC than this (Kiribati, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

// A timestamp string must carry its zone: without one, `Date` would read it in the host's zone. The
// domain also reads PostgreSQL's own form ('2026-06-30 23:30:00+00'), so a space and ±hh are allowed.
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** What people and systems send: ISO 8601 with a T, seconds, at most nine digits of them, Z or ±hh:mm. */
export const INSTANT_INPUT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when the string is not a real instant with a zone. */
export function parseInstant(value: string): number | null {
  const match = TIMESTAMP.exec(value);
  const [, date, hh, mm, ss, fraction, zulu, sign, offH, offM] = match ?? [];
  if (match === null || date === undefined || !isIsoDate(date) || hh === undefined || mm === undefined) {
    return null;
  }
  const [y, m, d] = date.split('-').map(Number);
  const hour = Number(hh);
  const minute = Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  const offsetMinutes =
    zulu === undefined ? (sign === '-' ? -1 : 1) * (Number(offH ?? 0) * 60 + Number(offM ?? 0)) : 0;
  if (
    y === undefined ||
    y < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Number(offM ?? 0) > 59 ||
    Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES
  ) {
    return null;
  }
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return (
    epochDayOfCivil(y, m ?? 1, d ?? 1) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millis -
    offsetMinutes * MS_PER_MINUTE
  );
}

/** An instant as the API and forms take it (see INSTANT_INPUT_PATTERN), and one the domain can read. */
export function isInstantInput(value: string): boolean {
  return INSTANT_INPUT_PATTERN.test(value) && parseInstant(value) !== null;
}

/** As parseInstant, for values that must already be valid (stored or checked): throws if not. */
export function parseTimestamp(value: string): number {
  const ms = parseInstant(value);
  if (ms === null) {
    throw new RangeError(`Not an ISO 8601 timestamp with a zone (Z or ±hh:mm): ${JSON.stringify(value)}`);
  }
  return ms;
}
