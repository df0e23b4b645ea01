import { Prisma } from "@/prisma/generated/client/client";
import {
  type EscalationPolicyRecord,
  type PagerDutyReference,
  referenceKey,
  type ScheduleRecord,
  type ServiceRecord,
  type TeamRecord,
} from "../records";
import { ensureReferenced, idsByPagerDutyId, relationRows } from "./organisation-references";
import { countsOf, lastByKey, type SqlClient, type WriteCounts } from "./sql-client";
import { replaceTeamLinks } from "./team-links";

type Returned = { inserted: boolean }[];
const byPagerDutyId = (record: { pagerdutyId: string }) => record.pagerdutyId;

/** Teams referenced by these records, created as placeholders when new. */
export function ensureTeams(sql: SqlClient, owners: readonly { teams: PagerDutyReference[] }[]) {
  return ensureReferenced(
    sql,
    "teams",
    owners.flatMap((owner) => owner.teams),
  );
}

/**
 * Team names are unique in Fairshift. A team arriving with the name of a team created without a
 * PagerDuty id (a CSV's team column) adopts that row; a name taken by another PagerDuty team gets
 * the id as a suffix rather than failing the import.
 */
async function namesFreeOfClashes(sql: SqlClient, teams: TeamRecord[]): Promise<string[]> {
  await sql.$executeRaw(Prisma.sql`
    UPDATE teams AS t SET pagerduty_id = u.pd, updated_at = now()
    FROM unnest(${teams.map(byPagerDutyId)}::text[], ${teams.map((team) => team.name)}::text[]) AS u(pd, name)
    WHERE t.name = u.name AND t.pagerduty_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM teams o WHERE o.pagerduty_id = u.pd)`);
  const holders = await sql.$queryRaw<{ name: string; pagerdutyId: string | null }[]>(Prisma.sql`
    SELECT name, pagerduty_id AS "pagerdutyId" FROM teams
    WHERE name = ANY(${teams.map((team) => team.name)}::text[])`);
  const holderOf = new Map(holders.map((holder) => [holder.name, holder.pagerdutyId]));
  return teams.map((team) => {
    const holder = holderOf.get(team.name);
    return holder === undefined || holder === team.pagerdutyId
      ? team.name
      : `${team.name} (${team.pagerdutyId})`;
  });
}

export async function upsertTeams(sql: SqlClient, records: TeamRecord[]): Promise<WriteCounts> {
  const teams = lastByKey(records, byPagerDutyId);
  if (teams.length === 0) return countsOf([], records.length);
  const names = await namesFreeOfClashes(sql, teams);
  const returned = await sql.$queryRaw<Returned>(Prisma.sql`
    INSERT INTO teams AS t (pagerduty_id, name, description, updated_at)
    SELECT u.pd, u.name, u.description, now()
    FROM unnest(${teams.map(byPagerDutyId)}::text[], ${names}::text[],
                ${teams.map((team) => team.description)}::text[]) AS u(pd, name, description)
    ON CONFLICT (pagerduty_id) DO UPDATE
      SET name = excluded.name, description = excluded.description, updated_at = now()
      WHERE (t.name, t.description) IS DISTINCT FROM (excluded.name, excluded.description)
    RETURNING (xmax = 0) AS inserted`);
  return countsOf(returned, records.length);
}

export async function upsertEscalationPolicies(
  sql: SqlClient,
  records: EscalationPolicyRecord[],
): Promise<WriteCounts> {
  const policies = lastByKey(records, byPagerDutyId);
  if (policies.length === 0) return countsOf([], records.length);
  const returned = await sql.$queryRaw<Returned>(Prisma.sql`
    INSERT INTO escalation_policies AS e (pagerduty_id, name, num_loops, rules, updated_at)
    SELECT u.pd, u.name, u.loops, u.rules, now()
    FROM unnest(${policies.map(byPagerDutyId)}::text[], ${policies.map((policy) => policy.name)}::text[],
                ${policies.map((policy) => policy.numLoops)}::int4[],
                ${policies.map((policy) => JSON.stringify(policy.rules ?? []))}::jsonb[])
      AS u(pd, name, loops, rules)
    ON CONFLICT (pagerduty_id) DO UPDATE
      SET name = excluded.name, num_loops = excluded.num_loops, rules = excluded.rules, updated_at = now()
      WHERE (e.name, e.num_loops, e.rules) IS DISTINCT FROM (excluded.name, excluded.num_loops, excluded.rules)
    RETURNING (xmax = 0) AS inserted`);
  const ids = await idsByPagerDutyId(sql, "escalation_policies", policies.map(byPagerDutyId));
  const teamIds = await ensureTeams(sql, policies);
  await replaceTeamLinks(
    sql,
    "escalation_policy_teams",
    relationRows(
      policies,
      (policy) => ids.get(policy.pagerdutyId),
      (policy) => policy.teams,
      teamIds,
    ),
  );
  return countsOf(returned, records.length);
}

export async function upsertServices(
  sql: SqlClient,
  records: ServiceRecord[],
): Promise<WriteCounts> {
  const services = lastByKey(records, byPagerDutyId);
  if (services.length === 0) return countsOf([], records.length);
  const policyIds = await ensureReferenced(
    sql,
    "escalation_policies",
    services.map((service) => service.escalationPolicy),
  );
  const policyIdOf = (service: ServiceRecord) =>
    service.escalationPolicy
      ? (policyIds.get(referenceKey(service.escalationPolicy)) ?? null)
      : null;
  const returned = await sql.$queryRaw<Returned>(Prisma.sql`
    INSERT INTO services AS s (pagerduty_id, name, status, escalation_policy_id, updated_at)
    SELECT u.pd, u.name, u.status, u.policy, now()
    FROM unnest(${services.map(byPagerDutyId)}::text[], ${services.map((service) => service.name)}::text[],
                ${services.map((service) => service.status)}::text[],
                ${services.map(policyIdOf)}::int4[]) AS u(pd, name, status, policy)
    ON CONFLICT (pagerduty_id) DO UPDATE
      SET name = excluded.name, status = excluded.status,
          escalation_policy_id = excluded.escalation_policy_id, updated_at = now()
      WHERE (s.name, s.status, s.escalation_policy_id)
        IS DISTINCT FROM (excluded.name, excluded.status, excluded.escalation_policy_id)
    RETURNING (xmax = 0) AS inserted`);
  const ids = await idsByPagerDutyId(sql, "services", services.map(byPagerDutyId));
  const teamIds = await ensureTeams(sql, services);
  await replaceTeamLinks(
    sql,
    "service_teams",
    relationRows(
      services,
      (service) => ids.get(service.pagerdutyId),
      (service) => service.teams,
      teamIds,
    ),
  );
  return countsOf(returned, records.length);
}

export async function upsertSchedules(
  sql: SqlClient,
  records: ScheduleRecord[],
): Promise<WriteCounts> {
  const schedules = lastByKey(records, byPagerDutyId);
  if (schedules.length === 0) return countsOf([], records.length);
  const returned = await sql.$queryRaw<Returned>(Prisma.sql`
    INSERT INTO schedules AS s (pagerduty_id, name, time_zone, updated_at)
    SELECT u.pd, u.name, u.zone, now()
    FROM unnest(${schedules.map(byPagerDutyId)}::text[], ${schedules.map((schedule) => schedule.name)}::text[],
                ${schedules.map((schedule) => schedule.timeZone)}::text[]) AS u(pd, name, zone)
    ON CONFLICT (pagerduty_id) DO UPDATE
      SET name = excluded.name, time_zone = excluded.time_zone, updated_at = now()
      WHERE (s.name, s.time_zone) IS DISTINCT FROM (excluded.name, excluded.time_zone)
    RETURNING (xmax = 0) AS inserted`);
  const ids = await idsByPagerDutyId(sql, "schedules", schedules.map(byPagerDutyId));
  const teamIds = await ensureTeams(sql, schedules);
  await replaceTeamLinks(
    sql,
    "schedule_teams",
    relationRows(
      schedules,
      (schedule) => ids.get(schedule.pagerdutyId),
      (schedule) => schedule.teams,
      teamIds,
    ),
  );
  return countsOf(returned, records.length);
}
