import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormValues } from '../../platform/web/forms.ts';
import { PATHS } from '../staff/staff-layout.ts';
import { CASE_LIST_FIELDS } from './case-list-query.ts';

/**
 * "Back to cases" returns to the list as it was left: its search, filters, order and page. The list
 * remembers its query string in a cookie that only the case pages receive (path /cases), for the
 * browser session. It is HttpOnly, and honoured only for the member of staff who set it: a search may
 * hold a resident's name, and the next person on a shared computer must not be shown it.
 */
const LIST_COOKIE = 'putright_case_list';
const COOKIE_OPTIONS = { path: PATHS.cases, httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

/** Only the list's own fields, so the cookie cannot carry anything else into a link. */
function listQueryString(values: FormValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (CASE_LIST_FIELDS.has(name) && value !== '') params.set(name, value);
  }
  return params.toString();
}

/** Called when the list is shown: what "Back to cases" will return to, for this member of staff. */
export function rememberCaseList(reply: FastifyReply, staffId: string, values: FormValues): void {
  const query = listQueryString(values);
  if (query) void reply.setCookie(LIST_COOKIE, `${staffId}?${query}`, COOKIE_OPTIONS);
  else void reply.clearCookie(LIST_COOKIE, COOKIE_OPTIONS);
}

/** The list as this member of staff last saw it in this browser, or the plain list. */
export function caseListReturnHref(request: FastifyRequest, staffId: string): string {
  const remembered = request.cookies[LIST_COOKIE] ?? '';
  const [owner, rest = ''] = remembered.split(/\?(.*)/s, 2);
  const query = owner === staffId ? listQueryString(Object.fromEntries(new URLSearchParams(rest))) : '';
  return query ? `${PATHS.cases}?${query}` : PATHS.cases;
}
