import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../errors.ts';

/**
 * The deepest a body may nest. Our own schemas go four or five levels deep; the limit keeps a
 * hostile body (10,000 nested arrays in 20 kB) from costing more than a quick refusal.
 */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL could not store this text, or null if it can: it refuses the NUL character in text
 * and jsonb, and a lone UTF-16 surrogate (half of a character) in jsonb.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'Text cannot contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) {
    return 'Text cannot contain half of a character (a lone UTF-16 surrogate, like \\ud800)';
  }
  return null;
}

const fieldName = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Refuses a value holding text PostgreSQL cannot store (in any string or object key), or nested
 * deeper than MAX_INPUT_DEPTH. Iterative, so no input can overflow the stack. `path` names the field.
 */
export function checkInputValue(value: unknown, path: string): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      const problem = unstorableText(next.value);
      if (problem) throw new InvalidInputError(problem, next.path || undefined);
      continue;
    }
    // An uploaded file's bytes are not text: they are stored as they came, never in the database.
    if (typeof next.value !== 'object' || next.value === null || ArrayBuffer.isView(next.value)) continue;
    if (next.depth >= MAX_INPUT_DEPTH) {
      throw new InvalidInputError(
        `The input is nested more than ${String(MAX_INPUT_DEPTH)} levels deep`,
        next.path || undefined,
      );
    }
    for (const [key, item] of Object.entries(next.value)) {
      const problem = unstorableText(key);
      if (problem) throw new InvalidInputError(`${problem} (in a field's name)`, next.path || undefined);
      pending.push({ value: item, path: fieldName(next.path, key), depth: next.depth + 1 });
    }
  }
}

/**
 * The one check of every request's input, before any route sees it: path parameters, the query,
 * headers and cookies, and the parsed body. A refusal is an InvalidInputError, which the error
 * handler answers with a 400 problem (API) or a GOV.UK error page (staff pages).
 */
export function checkRequestInput(request: FastifyRequest): void {
  checkInputValue(request.params, '');
  checkInputValue(request.query, '');
  checkInputValue(request.headers, 'headers');
  checkInputValue(request.cookies, 'cookies');
  checkInputValue(request.body, '');
}
