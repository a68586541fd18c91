import { fieldError, formErrorsFrom } from '../../platform/web/forms.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import { endSession, sessionCookieOf, startSession } from '../../platform/web/web-layer.ts';
import { changeOwnPassword } from './change-own-password.use-case.ts';
import type { StaffDeps } from './deps.ts';
import { SESSION_ABSOLUTE_MS, SIGN_IN_FAILED } from './security-policy.ts';
import { signIn, signInSchema } from './sign-in.use-case.ts';
import { signOut } from './sign-out.use-case.ts';
import { PATHS } from './staff-layout.ts';
import type { StaffPrincipal } from './staff-principal.ts';

const pages = pageRoutes<StaffPrincipal>();

/** Failed sign-ins per client address in 15 minutes before the sign-in page answers 429. */
export const SIGN_IN_THROTTLE = { max: 10, windowMs: 15 * 60_000 };

/** Sign-in, sign-out and changing one's own password (the dashboard is in casework). */
export function staffPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.public({
      method: 'GET',
      path: PATHS.signIn,
      handler: ({ principal, query }) =>
        Promise.resolve(
          principal
            ? { redirect: PATHS.home }
            : { view: 'sign-in.njk', data: { values: {}, signedOut: query['signed-out'] !== undefined } },
        ),
    }),

    pages.public({
      method: 'POST',
      path: PATHS.signIn,
      throttle: SIGN_IN_THROTTLE,
      handler: async ({ form, request, reply, throttle }) => {
        await throttle.refuseIfExhausted();
        const values = { email: form.email ?? '' };
        const parsed = signInSchema.safeParse({ email: form.email ?? '', password: form.password ?? '' });
        if (!parsed.success) {
          return {
            view: 'sign-in.njk',
            status: 400,
            data: { values, errors: formErrorsFrom(parsed.error) },
          };
        }
        const result = await signIn(deps, parsed.data);
        if (!result.ok) {
          await throttle.record();
          request.log.info({ reason: result.reason }, 'sign-in refused');
          return {
            view: 'sign-in.njk',
            status: 400,
            data: { values, errors: fieldError('email', SIGN_IN_FAILED) },
          };
        }
        // Signing in over an existing session ends that one: one browser, one session.
        await signOut(deps, sessionCookieOf(request));
        startSession(reply, result.cookieValue, SESSION_ABSOLUTE_MS / 1000);
        return { redirect: result.mustChangePassword ? PATHS.changePassword : PATHS.home };
      },
    }),

    pages.staff({
      method: 'POST',
      path: PATHS.signOut,
      whilePasswordChangeRequired: true,
      handler: async ({ request, reply }) => {
        await signOut(deps, sessionCookieOf(request));
        endSession(reply);
        return { redirect: `${PATHS.signIn}?signed-out` };
      },
    }),

    pages.staff({
      method: 'GET',
      path: PATHS.changePassword,
      whilePasswordChangeRequired: true,
      handler: ({ principal }) =>
        Promise.resolve({
          view: 'change-password.njk',
          data: { mustChange: principal.mustChangePassword },
        }),
    }),

    pages.staff({
      method: 'POST',
      path: PATHS.changePassword,
      whilePasswordChangeRequired: true,
      handler: async ({ principal, form }) => {
        try {
          await changeOwnPassword(deps, principal, {
            currentPassword: form.currentPassword ?? '',
            newPassword: form.newPassword ?? '',
            confirmPassword: form.confirmPassword ?? '',
          });
        } catch (error) {
          const errors = formErrorsFrom(error);
          if (!errors) throw error;
          return {
            view: 'change-password.njk',
            status: 400,
            data: { mustChange: principal.mustChangePassword, errors },
          };
        }
        return { redirect: `${PATHS.home}?password-changed` };
      },
    }),
  ];
}
