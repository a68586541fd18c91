import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { CommandRefused } from '../../domain/complaint/refusal.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthorisedError,
} from '../errors.ts';
import { frameworkClientError } from './framework-errors.ts';

/** RFC 9457 problem details. `errors` lists field-level problems for validation failures. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; pointer: string; message: string }[];
}

const TYPE_BASE = 'https://putright.dev/problems/';

function fieldErrors(error: ZodError): NonNullable<Problem['errors']> {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    return {
      field: path.join('.') || '(body)',
      pointer: `#/${path.join('/')}`,
      message: issue.message,
    };
  });
}

/** Turns any error into a problem a client can act on. Unknown errors never leak their details. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ZodError) {
    const errors = fieldErrors(error);
    return {
      type: `${TYPE_BASE}validation`,
      title: 'There is a problem with your request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    };
  }
  if (error instanceof InvalidInputError) {
    const field = error.field ?? '(body)';
    return {
      type: `${TYPE_BASE}validation`,
      title: 'There is a problem with your request',
      status: 400,
      detail: error.message,
      errors: [{ field, pointer: `#/${field.replace(/\./g, '/')}`, message: error.message }],
    };
  }
  if (error instanceof CommandRefused) {
    return {
      type: `${TYPE_BASE}${error.code}`,
      title: 'The action was refused',
      status: 422,
      detail: error.message,
      code: error.code,
      ...(error.field
        ? {
            errors: [
              { field: error.field, pointer: `#/${error.field.replace(/\./g, '/')}`, message: error.message },
            ],
          }
        : {}),
    };
  }
  if (error instanceof NotFoundError) {
    return { type: `${TYPE_BASE}not-found`, title: 'Not found', status: 404, detail: error.message };
  }
  if (error instanceof UnauthorisedError) {
    return { type: `${TYPE_BASE}unauthorised`, title: 'Not signed in', status: 401, detail: error.message };
  }
  if (error instanceof ForbiddenError) {
    return { type: `${TYPE_BASE}forbidden`, title: 'Forbidden', status: 403, detail: error.message };
  }
  if (error instanceof ConflictError) {
    return {
      type: `${TYPE_BASE}conflict`,
      title: 'The case has changed',
      status: 409,
      detail: error.message,
    };
  }
  const clientError = frameworkClientError(error);
  if (clientError) {
    return {
      type: `${TYPE_BASE}bad-request`,
      title: 'There is a problem with your request',
      status: clientError.status,
      detail: clientError.detail,
    };
  }
  return {
    type: `${TYPE_BASE}internal`,
    title: 'Sorry, there is a problem with the service',
    status: 500,
    detail: 'Something went wrong on our side. Nothing was saved. Try again later.',
  };
}

export async function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): Promise<FastifyReply> {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
  if (problem.status === 401) void reply.header('www-authenticate', 'Bearer realm="putright"');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
