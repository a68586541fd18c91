import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { TrustProxy } from '../config.ts';
import { NotFoundError } from '../errors.ts';
import { IMMUTABLE } from '../web/compressed-assets.ts';
import type { WebLayer } from '../web/web-layer.ts';
import {
  API_PREFIX,
  openApiDocument,
  registerApiRoutes,
  type ApiRoute,
  type Principal,
} from './api-route.ts';
import { clientErrorHandler } from './client-error-handler.ts';
import { sendProblem } from './problem.ts';
import { checkRequestInput } from './request-input-check.ts';

export interface ServerOptions {
  routes: readonly ApiRoute[];
  authenticate: (request: FastifyRequest) => Promise<Principal>;
  /** The staff pages: GOV.UK error pages for everything outside the API. */
  web: WebLayer;
  version: string;
  logLevel: string;
  /** Whose X-Forwarded-* headers to believe (see config.ts); nobody's by default. */
  trustProxy?: TrustProxy;
}

/** The API answers in problem+json; everything else is a page for people. */
function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
}

/** A client that asks for JSON and not HTML (an integration, not a browser). */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const sendError = (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    isApiRequest(request)
      ? sendProblem(request, reply, error)
      : options.web.sendErrorPage(request, reply, error);
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: 1_048_576,
    // Ids are generated server-side, so no client-supplied request id is trusted.
    genReqId: () => crypto.randomUUID(),
    trustProxy: options.trustProxy ?? false,
    // Errors before routing (broken percent-encoding, a path parameter over 100 characters) and
    // before parsing (headers too large) are answered like every other error, not in Fastify's JSON.
    frameworkErrors: (error: FastifyError, request, reply) => {
      void sendError(error, request, reply);
    },
    clientErrorHandler,
  });

  // The one check of every request's input, once the body is parsed and before any route runs.
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      checkRequestInput(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    // Case data is personal data: never cached, never sniffed, never framed. Only the public
    // stylesheets, scripts and icons under /assets may be cached: for a day, or for a year under a
    // name holding their content hash (compressed-assets.ts sets that).
    const asset =
      request.url.startsWith('/assets/') && (reply.statusCode === 200 || reply.statusCode === 304);
    const assetCaching = reply.getHeader('cache-control') === IMMUTABLE ? IMMUTABLE : 'public, max-age=86400';
    void reply.header('cache-control', asset ? assetCaching : 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    return sendError(
      new NotFoundError(`There is nothing at ${request.method} ${request.url}`),
      request,
      reply,
    );
  });

  const document = openApiDocument(options.routes, options.version);
  app.get(`${API_PREFIX}/openapi.json`, () => Promise.resolve(document));
  app.get('/health', () => Promise.resolve({ status: 'ok' }));
  app.get('/', async (request, reply) => {
    if (wantsJson(request)) {
      return { name: 'PutRight', api: API_PREFIX, openapi: `${API_PREFIX}/openapi.json` };
    }
    return reply.redirect(await options.web.homePath(request, reply), 302);
  });
  registerApiRoutes(app, options.routes, options.authenticate);
  options.web.register(app);
  return app;
}
