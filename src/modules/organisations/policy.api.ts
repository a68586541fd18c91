import { apiRoute, type ApiRoute } from '../../platform/http/api-route.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { getPolicyInForce } from './policy-in-force.use-case.ts';

export function policyRoutes(deps: ComplaintDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/policy',
      operationId: 'getPolicy',
      summary:
        'The complaint policy in force today, with its compliance check against its country’s benchmark: departures, what it does not state, and advisories',
      tag: 'Policy',
      success: { status: 200, description: 'The policy and its compliance check' },
      handler: async ({ principal }) => ({ body: await getPolicyInForce(deps, principal.organisationId) }),
    }),
  ];
}
