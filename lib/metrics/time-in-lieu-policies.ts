import { DEFAULT_TIME_IN_LIEU_POLICY, type TimeInLieuPolicy } from "./time-in-lieu";

/** A stored policy: a team's (or the organisation default's, teamId null) from a date on. */
export interface DatedTimeInLieuPolicy extends TimeInLieuPolicy {
  teamId: number | null;
  effectiveFrom: Date;
}

function latestEffective(
  policies: readonly DatedTimeInLieuPolicy[],
  teamId: number | null,
  at: Date,
): DatedTimeInLieuPolicy | undefined {
  let chosen: DatedTimeInLieuPolicy | undefined;
  for (const policy of policies) {
    if (policy.teamId !== teamId || policy.effectiveFrom.getTime() > at.getTime()) continue;
    if (!chosen || policy.effectiveFrom.getTime() > chosen.effectiveFrom.getTime()) chosen = policy;
  }
  return chosen;
}

/**
 * The policy that applies to a call-out (PRODUCT.md: "policy per team"): the team's policy in
 * effect at the call-out's start, else the organisation's default policy in effect then, else
 * the product defaults. A policy change never rewrites call-outs from before it took effect.
 */
export function choosePolicy(
  policies: readonly DatedTimeInLieuPolicy[],
  teamId: number | null,
  at: Date,
): TimeInLieuPolicy {
  return (
    (teamId === null ? undefined : latestEffective(policies, teamId, at)) ??
    latestEffective(policies, null, at) ??
    DEFAULT_TIME_IN_LIEU_POLICY
  );
}
