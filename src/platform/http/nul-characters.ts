import { InvalidInputError } from '../errors.ts';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a value holding one would
 * fail deep in an insert as a server error. The API refuses it up front, naming the field.
 */
export function refuseNulCharacters(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw new InvalidInputError('Text cannot contain the NUL character (\\u0000)', path || undefined);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      refuseNulCharacters(item, path ? `${path}.${String(i)}` : String(i));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) refuseNulCharacters(item, path ? `${path}.${key}` : key);
  }
}
