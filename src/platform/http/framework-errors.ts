import type { FastifyError } from 'fastify';

/**
 * What Fastify's own errors mean to a client, by their code: the request could not even be routed
 * or read. Used by the API's problems and the staff pages alike; others keep Fastify's message.
 */
const DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL:
    'The address has broken percent-encoding (like %E0%A4%A): write each byte as % and two hex digits',
  FST_ERR_MAX_PARAM_LENGTH:
    'A part of the address is too long: ids and references are at most 100 characters',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty: send a JSON object',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The body is too large',
};

/** A client error Fastify raised (4xx), with a detail in words, or null for anything else. */
export function frameworkClientError(error: unknown): { status: number; detail: string } | null {
  const { statusCode, code, message } = error as Partial<FastifyError>;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  return {
    status: statusCode,
    detail: (code ? DETAILS[code] : undefined) ?? message ?? 'The request could not be read',
  };
}
