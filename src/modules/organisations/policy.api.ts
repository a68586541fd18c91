import { checkCompliance } from '../../domain/policy/compliance-check.ts';
import { londonDateOf } from '../../domain/calendar/index.ts';
import { apiRoute, type ApiRoute } from '../../platform/http/api-route.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { policyInForce } from './organisation.repository.ts';

export function policyRoutes(deps: ComplaintDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/policy',
      operationId: 'getPolicy',
      summary: 'The complaint policy in force today, with its departures from the Code',
      tag: 'Policy',
      success: { status: 200, description: 'The policy and its compliance check' },
      handler: async ({ principal }) => {
        const policy = await deps.db.forOrganisation(principal.organisationId, (tx) =>
          policyInForce(tx, principal.organisationId, londonDateOf(deps.clock.now())),
        );
        if (!policy) throw new NotFoundError('Your organisation has no policy');
        return { body: { policy, departures: checkCompliance(policy) } };
      },
    }),
  ];
}
