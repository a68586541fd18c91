import { PATHS } from '../staff/staff-layout.ts';

/** The administration pages' addresses, beneath /admin. */
export const ADMIN_PATHS = {
  index: PATHS.administration,
  staff: PATHS.staffAccounts,
  serviceAreas: `${PATHS.administration}/service-areas`,
  policy: `${PATHS.administration}/policy`,
  closureDays: `${PATHS.administration}/closure-days`,
  bankHolidays: `${PATHS.administration}/bank-holidays`,
  apiKeys: `${PATHS.administration}/api-keys`,
  audit: `${PATHS.administration}/audit`,
} as const;
