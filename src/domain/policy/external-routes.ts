import {
  EXTERNAL_BODIES,
  type CustomExternalBody,
  type ExternalBody,
  type ExternalBodyId,
} from './external-bodies.ts';
import type { ExternalRoute, RuleSet } from './policy-schema.ts';

/** A body's details as a case shows them: PutRight's current record, or what the policy wrote. */
export type BodyDetails = (ExternalBody & { id: ExternalBodyId }) | (CustomExternalBody & { id: null });

export interface RouteForCase {
  body: BodyDetails;
  when: string;
  /** 'all', or the service type it is for. */
  serviceType: string;
}

export function bodyDetails(body: ExternalRoute['body']): BodyDetails {
  return typeof body === 'string' ? { id: body, ...EXTERNAL_BODIES[body] } : { id: null, ...body };
}

/**
 * Every way out of the landlord's process that applies to a case of this service type, the routes
 * for its own service first: a leaseholder's service-charge complaint can go to the Ombudsman and to
 * the tribunal. A route marked `instead` replaces the general ones (a care service's Ombudsman).
 */
export function routesFor(rules: RuleSet, serviceType: string): RouteForCase[] {
  const own = serviceType === 'all' ? [] : rules.externalRoutes.filter((r) => r.serviceType === serviceType);
  const general = own.some((r) => r.instead)
    ? []
    : rules.externalRoutes.filter((r) => r.serviceType === 'all');
  return [...own, ...general].map((r) => ({
    body: bodyDetails(r.body),
    when: r.when,
    serviceType: r.serviceType,
  }));
}
