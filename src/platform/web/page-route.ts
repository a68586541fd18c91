import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FormValues } from './forms.ts';

/** What the web platform needs to know about whoever is signed in. */
export interface WebPrincipal {
  organisationId: string;
  role: string;
  /** While true, only pages marked `whilePasswordChangeRequired` open; the rest send them to change it. */
  mustChangePassword: boolean;
}

/** A file to download, streamed (a case export); like every page, sent with no-store. */
export interface Download {
  filename: string;
  contentType: string;
  body: Readable;
}

/** A page's answer: a template and its data (rendered inside the layout), a redirect, or a file. */
export type PageResult =
  | { view: string; data?: Record<string, unknown>; status?: number }
  | { redirect: string }
  | { download: Download };

/** Counts attempts per client address (e.g. failed sign-ins), for pages that declare a `throttle`. */
export interface Throttle {
  /** Throws TooManyRequestsError (429) once the address has used up its attempts. */
  refuseIfExhausted(): Promise<void>;
  /** Counts one attempt against the address. */
  record(): Promise<void>;
}

/** A file sent with a form (multipart): its name as sent, its bytes, and whether it was cut off. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
  /** Larger than the web layer's `maxUploadBytes`: `data` holds only the start of it. */
  truncated: boolean;
}

interface PageInput<Pr, P extends z.ZodObject> {
  params: z.infer<P>;
  query: FormValues;
  /** The submitted form (POST), empty for GET. */
  form: FormValues;
  /** Files sent with the form (`enctype="multipart/form-data"`), by field name. */
  files: Record<string, UploadedFile>;
  request: FastifyRequest;
  reply: FastifyReply;
  throttle: Throttle;
  principal: Pr;
}

interface PageCommon<P extends z.ZodObject> {
  method: 'GET' | 'POST';
  /** Fastify style: /admin/staff/:id */
  path: string;
  /** Path parameters; a value that does not fit is a 404. */
  params?: P;
  /** Attempts per client address and time window, counted when the handler calls `throttle.record`. */
  throttle?: { max: number; windowMs: number };
}

/** A page anyone may open (sign-in); `principal` is whoever is signed in, if anyone. */
export interface PublicPage<Pr extends WebPrincipal, P extends z.ZodObject> extends PageCommon<P> {
  access: 'public';
  handler(input: PageInput<Pr | null, P>): Promise<PageResult>;
}

/** A page for signed-in staff: anyone else is sent to sign in first. */
export interface StaffPage<Pr extends WebPrincipal, P extends z.ZodObject> extends PageCommon<P> {
  access: 'staff';
  /** The roles allowed (others get 403); every role when absent. */
  roles?: readonly Pr['role'][];
  /** Reachable while the password must be changed (the change-password page, sign-out). */
  whilePasswordChangeRequired?: boolean;
  handler(input: PageInput<Pr, P>): Promise<PageResult>;
}

export type PageRoute<Pr extends WebPrincipal> = PublicPage<Pr, z.ZodObject> | StaffPage<Pr, z.ZodObject>;

/**
 * Typed page definitions for one kind of principal: `pages.staff({...})` infers the params from
 * their schema and hands the handler a non-null principal.
 */
export function pageRoutes<Pr extends WebPrincipal>() {
  return {
    public<P extends z.ZodObject>(route: Omit<PublicPage<Pr, P>, 'access'>): PageRoute<Pr> {
      return { ...route, access: 'public' } as unknown as PageRoute<Pr>;
    },
    staff<P extends z.ZodObject>(route: Omit<StaffPage<Pr, P>, 'access'>): PageRoute<Pr> {
      return { ...route, access: 'staff' } as unknown as PageRoute<Pr>;
    },
  };
}
