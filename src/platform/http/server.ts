import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors.ts';
import {
  API_PREFIX,
  openApiDocument,
  registerApiRoutes,
  type ApiRoute,
  type Principal,
} from './api-route.ts';
import { sendProblem } from './problem.ts';

export interface ServerOptions {
  routes: readonly ApiRoute[];
  authenticate: (request: FastifyRequest) => Promise<Principal>;
  version: string;
  logLevel: string;
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: options.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: 1_048_576,
    // Ids are generated server-side, so no client-supplied request id is trusted.
    genReqId: () => crypto.randomUUID(),
  });

  app.addHook('onSend', async (_request, reply) => {
    // Case data is personal data: never cached, never sniffed, never framed.
    void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new NotFoundError(`There is nothing at ${request.method} ${request.url}`)),
  );

  const document = openApiDocument(options.routes, options.version);
  app.get(`${API_PREFIX}/openapi.json`, () => Promise.resolve(document));
  app.get('/health', () => Promise.resolve({ status: 'ok' }));
  app.get('/', () =>
    Promise.resolve({
      name: 'PutRight',
      api: API_PREFIX,
      openapi: `${API_PREFIX}/openapi.json`,
    }),
  );
  registerApiRoutes(app, options.routes, options.authenticate);
  return app;
}
