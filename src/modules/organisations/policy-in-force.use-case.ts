import { compareIsoDates, londonDateOf } from '../../domain/calendar/index.ts';
import { checkCompliance, type Finding } from '../../domain/policy/compliance-check.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Clock } from '../complaints/case-context.ts';
import { listPolicyVersions, policyInForce, type PolicyVersionSummary } from './organisation.repository.ts';

interface Deps {
  db: DatabaseHandle;
  clock: Clock;
}

export interface PolicyInForce {
  policy: Policy;
  /** Departures, silences and advisories, against the benchmark of each country it covers. */
  findings: Finding[];
}

/** The policy in force today with its compliance check: the API's GET /policy and the policy page. */
export async function getPolicyInForce(deps: Deps, organisationId: string): Promise<PolicyInForce> {
  const policy = await deps.db.forOrganisation(organisationId, (tx) =>
    policyInForce(tx, organisationId, londonDateOf(deps.clock.now())),
  );
  if (!policy) throw new NotFoundError('Your organisation has no policy');
  return { policy, findings: checkCompliance(policy) };
}

export interface PolicyHistory {
  /** Versions that take effect after today. */
  scheduled: PolicyVersionSummary[];
  /** Versions before the one in force (newest first). */
  earlier: PolicyVersionSummary[];
}

/** Every version but the one in force: those still to come and those it replaced. */
export async function getPolicyHistory(
  deps: Deps,
  organisationId: string,
  inForce: Policy,
): Promise<PolicyHistory> {
  const today = londonDateOf(deps.clock.now());
  const versions = await deps.db.forOrganisation(organisationId, (tx) =>
    listPolicyVersions(tx, organisationId),
  );
  const others = versions.filter((v) => !(v.key === inForce.key && v.version === inForce.version));
  return {
    scheduled: others.filter((v) => compareIsoDates(v.effectiveFrom, today) > 0).reverse(),
    earlier: others.filter((v) => compareIsoDates(v.effectiveFrom, today) <= 0),
  };
}
