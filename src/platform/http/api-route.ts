import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

/** Who is calling: resolved from the API key before any handler runs. */
export interface Principal {
  organisationId: string;
  /** The API key's name: the integration calling. */
  name: string;
  apiKeyId: string;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST';
  /** Path under /api/v1, Fastify style: /complaints/:id */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Extra headers the route reads, for the OpenAPI document. */
  headers?: { name: string; description: string }[];
  success: { status: number; description: string };
  /** False only for the OpenAPI document itself. */
  authenticated?: boolean;
  handler: (input: {
    principal: Principal;
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    request: FastifyRequest;
  }) => Promise<ApiResult>;
}

/** Defines a route with its types inferred from its schemas. */
export function apiRoute<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType>(
  route: ApiRoute<P, Q, B>,
): ApiRoute {
  return route;
}

const empty = z.object({});

/**
 * Registers routes whose input is validated by the same zod schemas the OpenAPI document is built
 * from. Validation errors are ZodErrors, turned into problem+json by the server's error handler. Text
 * no schema could store (NUL, lone surrogates) was already refused by checkRequestInput.
 */
export function registerApiRoutes(
  app: FastifyInstance,
  routes: readonly ApiRoute[],
  authenticate: (request: FastifyRequest) => Promise<Principal>,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: `${API_PREFIX}${route.path}`,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const principal =
          route.authenticated === false
            ? { organisationId: '', name: 'anonymous', apiKeyId: '' }
            : await authenticate(request);
        const result = await route.handler({
          principal,
          params: (route.params ?? empty).parse(request.params),
          query: (route.query ?? empty).parse(request.query),
          body: route.body ? route.body.parse(request.body ?? {}) : undefined,
          request,
        });
        void reply.status(result.status ?? route.success.status);
        for (const [name, value] of Object.entries(result.headers ?? {})) void reply.header(name, value);
        return reply.send(result.body);
      },
    });
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const document: Record<string, unknown> = {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  };
  delete document.$schema;
  return document;
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(field as z.ZodType),
  }));
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, pointer: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function openApiDocument(routes: readonly ApiRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${API_PREFIX}${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const problem = (description: string) => ({
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.authenticated === false ? { security: [] } : {}),
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...(route.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: false,
          description: h.description,
          schema: { type: 'string' },
        })),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.success.status)]: { description: route.success.description },
        '400': problem('The input is invalid; `errors` lists each field'),
        ...(route.authenticated === false ? {} : { '401': problem('Missing or invalid API key') }),
        '404': problem('Not found (or belongs to another organisation)'),
        ...(route.method === 'POST'
          ? {
              '409': problem('The case changed since it was read'),
              '422': problem('The rules refused the action; `detail` says why'),
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PutRight API',
      version,
      description:
        'Complaint handling for UK social landlords. Dates are local (Europe/London) YYYY-MM-DD; instants are ISO 8601 UTC.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key, pr_…' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
