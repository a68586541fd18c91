import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { ZodError } from 'zod';
import { CommandRefused } from '../../domain/complaint/refusal.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import { compressedAssets } from './compressed-assets.ts';
import { formValues, uploadedFiles } from './forms.ts';
import { TooManyRequestsError } from './http-errors.ts';
import type { PageResult, PageRoute, Throttle, UploadedFile, WebPrincipal } from './page-route.ts';
import { checkInputValue } from '../http/request-input-check.ts';

export const SESSION_COOKIE = 'putright_session';
const CSRF_COOKIE = 'putright_csrf';

const VIEWS = fileURLToPath(new URL('../../views', import.meta.url));
const OWN_ASSETS = fileURLToPath(new URL('./assets', import.meta.url));
const GOVUK_DIST = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
);
/** Only these are served under /assets: our stylesheet, GOV.UK's compiled CSS and JS, its icons. */
const SERVED_ASSETS =
  /^\/(app\.css|govuk-frontend\.min\.(css|js)|manifest\.json|images\/[\w.-]+\.(png|svg|ico))$/;

export interface WebLayerOptions<Pr extends WebPrincipal> {
  pages: readonly PageRoute<Pr>[];
  /** Who a session cookie signs in, if anyone (expired, revoked or unknown sessions give null). */
  resolvePrincipal(sessionCookie: string | undefined): Promise<Pr | null>;
  /** The layout's data for the header: who is signed in, and the service navigation. */
  layout(principal: Pr | null, path: string): Record<string, unknown>;
  paths: { signIn: string; home: string; changePassword: string };
  /** Busts browser caches of our CSS and JS on upgrade. */
  version: string;
  /** The largest file a form may send (1 MB unless said); a larger one arrives cut off, `truncated`. */
  maxUploadBytes?: number;
}

export interface WebLayer {
  register(app: FastifyInstance): void;
  /** The GOV.UK error page for any error thrown while serving a page (not the API). */
  sendErrorPage(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<FastifyReply>;
  /** Where `/` leads: the home page when signed in, else sign-in. */
  homePath(request: FastifyRequest, reply: FastifyReply): Promise<string>;
}

/** Session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS (X-Forwarded-Proto with TRUST_PROXY). */
export function startSession(reply: FastifyReply, cookieValue: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, cookieValue, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    // Relative, so a wrong clock on the computer cannot keep it longer; the server decides anyway.
    maxAge: maxAgeSeconds,
  });
  // A new CSRF secret with every new session: one planted before sign-in is worthless after it.
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Forgets a session cookie that no longer signs anyone in (the page's forms still work). */
function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/** After signing out: the session cookie goes, and the next page gets a new CSRF secret. */
export function endSession(reply: FastifyReply): void {
  clearSessionCookie(reply);
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export function sessionCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

interface ErrorPage {
  status: number;
  title: string;
  paragraphs: string[];
  link?: { text: string; href: string };
}

const NOT_FOUND: ErrorPage = {
  status: 404,
  title: 'Page not found',
  paragraphs: [
    'If you typed the web address, check it is correct.',
    'If you pasted the web address, check you copied the entire address.',
  ],
};

function errorPageFor(error: unknown, paths: WebLayerOptions<WebPrincipal>['paths']): ErrorPage {
  if (error instanceof NotFoundError) return NOT_FOUND;
  if (error instanceof ForbiddenError) {
    return {
      status: 403,
      title: 'You do not have permission',
      paragraphs: ['Your role does not allow you to see this page or take this action.'],
      link: { text: 'Go to the dashboard', href: paths.home },
    };
  }
  if (error instanceof TooManyRequestsError) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return {
      status: 429,
      title: 'You have tried to sign in too many times',
      paragraphs: [
        `Wait ${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`,
        'If you have forgotten your password, ask an administrator in your organisation to reset it.',
      ],
    };
  }
  const code = (error as Partial<FastifyError>).code;
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') {
    return {
      status: 403,
      title: 'This form has expired',
      paragraphs: ['We did not save your answers. Go back, refresh the page and try again.'],
    };
  }
  if (error instanceof ConflictError) {
    return {
      status: 409,
      title: 'Someone else has changed this',
      paragraphs: [error.message, 'We did not save your answers.'],
    };
  }
  if (error instanceof CommandRefused) {
    return { status: 422, title: 'This cannot be done now', paragraphs: [error.message] };
  }
  if (error instanceof InvalidInputError || error instanceof ZodError) {
    return {
      status: 400,
      title: 'There is a problem',
      paragraphs: [
        error instanceof InvalidInputError ? error.message : 'Some of the answers could not be read.',
      ],
    };
  }
  const statusCode = (error as Partial<FastifyError>).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode === 404 ? 404 : statusCode,
      title: statusCode === 404 ? NOT_FOUND.title : 'There is a problem',
      paragraphs: statusCode === 404 ? NOT_FOUND.paragraphs : ['The request could not be read. Try again.'],
    };
  }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later.', 'We did not save your answers.'],
  };
}

/**
 * The staff web service: GOV.UK pages rendered on the server with Nunjucks, a session cookie, CSRF
 * tokens on every form, a strict Content Security Policy with per-request nonces, and GOV.UK error
 * pages. Pages are declared with `pageRoutes()`; this registers them with their checks in order:
 * resolve the session (staff pages send strangers to sign in), check the CSRF token (every method
 * but GET), then the role (403), then the path parameters (404).
 */
export function createWebLayer<Pr extends WebPrincipal>(options: WebLayerOptions<Pr>): WebLayer {
  const principals = new WeakMap<FastifyRequest, Pr>();
  const assets = compressedAssets([
    { name: 'app.css', file: join(OWN_ASSETS, 'app.css'), contentType: 'text/css; charset=utf-8' },
    {
      name: 'govuk-frontend.min.css',
      file: join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.css'),
      contentType: 'text/css; charset=utf-8',
    },
    {
      name: 'govuk-frontend.min.js',
      file: join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.js'),
      contentType: 'text/javascript; charset=utf-8',
    },
  ]);

  async function resolve(request: FastifyRequest, reply: FastifyReply): Promise<Pr | null> {
    if (principals.has(request)) return principals.get(request) ?? null;
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie === undefined) return null;
    const principal = await options.resolvePrincipal(cookie);
    if (principal) principals.set(request, principal);
    else clearSessionCookie(reply);
    return principal;
  }

  function csrfToken(reply: FastifyReply): string {
    try {
      return reply.generateCsrf();
    } catch {
      return ''; // the request failed before cookies were read; a form on this page will not work
    }
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: Record<string, unknown>,
    status: number,
  ): Promise<FastifyReply> {
    const path = request.url.split('?')[0] ?? '/';
    const context = {
      ...options.layout(principals.get(request) ?? null, path),
      ...data,
      csrfToken: csrfToken(reply),
      cspNonce: (reply.cspNonce as { script: string } | null | undefined)?.script,
      assetVersion: options.version,
      assetUrls: assets.urls,
    };
    // A request refused before routing (a broken address) has a bare reply, without the reply's
    // decorators: its error page is rendered by the server's own view decorator instead.
    const html =
      typeof reply.viewAsync === 'function'
        ? await reply.viewAsync(view, context)
        : await reply.server.view(view, context);
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    result: PageResult,
  ): Promise<FastifyReply> {
    if ('redirect' in result) {
      // After a form, 303 makes the browser GET the next page.
      const status = request.method === 'GET' ? 302 : 303;
      return reply.redirect(result.redirect, status);
    }
    if ('download' in result) {
      const { filename, contentType, body } = result.download;
      return reply.header('content-disposition', contentDisposition(filename)).type(contentType).send(body);
    }
    return render(request, reply, result.view, result.data ?? {}, result.status ?? 200);
  }

  function registerPage(scope: FastifyInstance, route: PageRoute<Pr>): void {
    const limiter = route.throttle
      ? scope.createRateLimit({ max: route.throttle.max, timeWindow: route.throttle.windowMs })
      : null;
    const throttleFor = (request: FastifyRequest): Throttle => ({
      refuseIfExhausted: async () => {
        if (!limiter) return;
        const state = await limiter(request, { increment: false });
        if (!state.isAllowed && state.remaining <= 0) {
          throw new TooManyRequestsError(state.ttlInSeconds);
        }
      },
      record: async () => {
        if (limiter) await limiter(request);
      },
    });

    const requireSession = async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await resolve(request, reply);
      if (route.access === 'staff' && !principal) {
        return reply.redirect(options.paths.signIn, request.method === 'GET' ? 302 : 303);
      }
      return undefined;
    };
    const checkCsrf = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      // Browsers say when a request comes from another site: refuse it before looking at the token.
      if (request.headers['sec-fetch-site'] === 'cross-site') {
        const error = new Error('Cross-site form') as FastifyError;
        error.code = 'FST_CSRF_INVALID_TOKEN';
        error.statusCode = 403;
        done(error);
        return;
      }
      scope.csrfProtection(request, reply, done);
    };

    scope.route({
      method: route.method,
      url: route.path,
      preHandler: route.method === 'GET' ? [requireSession] : [requireSession, checkCsrf],
      handler: async (request, reply) => {
        const principal = principals.get(request) ?? null;
        const params = (route.params ?? null)?.safeParse(request.params) ?? { success: true, data: {} };
        const common = {
          query: formValues(request.query),
          form: formValues(request.body),
          files: uploadedFiles(request.body),
          request,
          reply,
          throttle: throttleFor(request),
        };
        if (route.access === 'public') {
          if (!params.success) throw new NotFoundError('No such page');
          return send(request, reply, await route.handler({ ...common, params: params.data, principal }));
        }
        if (!principal) return reply.redirect(options.paths.signIn, 303);
        if (principal.mustChangePassword && !route.whilePasswordChangeRequired) {
          return reply.redirect(options.paths.changePassword, request.method === 'GET' ? 302 : 303);
        }
        if (route.roles && !route.roles.includes(principal.role)) throw new ForbiddenError();
        if (!params.success) throw new NotFoundError('No such page');
        return send(request, reply, await route.handler({ ...common, params: params.data, principal }));
      },
    });
  }

  return {
    register(app) {
      void app.register(fastifyCookie);
      void app.register(fastifyHelmet, {
        enableCSPNonces: true,
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            baseUri: ["'none'"],
            connectSrc: ["'self'"],
            fontSrc: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            imgSrc: ["'self'"],
            manifestSrc: ["'self'"],
            objectSrc: ["'none'"],
            // The per-request nonce is added to both; 'self' lets the GOV.UK stylesheet and script load.
            scriptSrc: ["'self'"],
            styleSrc: ["'self'"],
          },
        },
        // Sent below, and only over HTTPS: a plain-HTTP deployment must not be pinned to HTTPS.
        hsts: false,
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
      });
      void app.register(fastifyRateLimit, { global: false });
      void app.register(fastifyView, {
        engine: { nunjucks },
        templates: [VIEWS, GOVUK_DIST],
        options: { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
      });
      assets.register(app);
      void app.register(fastifyStatic, {
        root: [OWN_ASSETS, join(GOVUK_DIST, 'govuk', 'assets'), join(GOVUK_DIST, 'govuk')],
        prefix: '/assets/',
        allowedPath: (pathName) => SERVED_ASSETS.test(pathName),
        index: false,
        list: false,
        dotfiles: 'deny',
        cacheControl: false,
      });
      void app.register(fastifyCsrfProtection, {
        cookieKey: CSRF_COOKIE,
        cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
      });
      app.addHook('onSend', async (request, reply) => {
        if (request.protocol === 'https') {
          void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
        }
      });
      void app.register(async (scope) => {
        // Forms are parsed for the pages only: the API still accepts JSON alone.
        await scope.register(fastifyFormbody, { bodyLimit: 65_536 });
        // Forms with a file: one file, read into memory up to the limit (a larger one is cut off and
        // marked, so the page can say so), the other fields as text like any form's.
        await scope.register(fastifyMultipart, {
          attachFieldsToBody: 'keyValues',
          throwFileSizeLimit: false,
          limits: {
            fileSize: options.maxUploadBytes ?? 1_048_576,
            files: 1,
            fields: 20,
            fieldSize: 65_536,
            parts: 21,
          },
          onFile: async (part) => {
            const data = await part.toBuffer();
            const file: UploadedFile = { fileName: part.filename, data, truncated: part.file.truncated };
            (part as unknown as { value: UploadedFile }).value = file;
          },
        });
        // Its fields are parsed after the server's check of every request's input: check them too.
        scope.addHook('preValidation', (request, _reply, done) => {
          try {
            if (request.isMultipart()) checkInputValue(request.body, '');
            done();
          } catch (error) {
            done(error as Error);
          }
        });
        for (const route of options.pages) registerPage(scope, route);
      });
    },

    async sendErrorPage(request, reply, error) {
      const page = errorPageFor(error, options.paths);
      if (page.status >= 500) request.log.error({ err: error }, 'unhandled error');
      if (error instanceof TooManyRequestsError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
      }
      try {
        if (!principals.has(request) && request.cookies) await resolve(request, reply);
      } catch (lookupError) {
        request.log.error({ err: lookupError }, 'session lookup failed while showing an error page');
      }
      try {
        return await render(request, reply, 'error.njk', { ...page }, page.status);
      } catch (renderError) {
        request.log.error({ err: renderError }, 'the error page could not be rendered');
        return reply.code(page.status).type('text/plain; charset=utf-8').send(page.title);
      }
    },

    async homePath(request, reply) {
      const principal = await resolve(request, reply);
      return principal ? options.paths.home : options.paths.signIn;
    },
  };
}
