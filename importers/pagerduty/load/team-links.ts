import { Prisma } from "@/prisma/generated/client/client";
import type { RelationRows } from "./organisation-references";
import type { SqlClient } from "./sql-client";

/** The "belongs to teams" link tables, with their owner column (an allow-list). */
const TEAM_LINKS = {
  service_teams: { table: Prisma.raw("service_teams"), owner: Prisma.raw("service_id") },
  escalation_policy_teams: {
    table: Prisma.raw("escalation_policy_teams"),
    owner: Prisma.raw("escalation_policy_id"),
  },
  schedule_teams: { table: Prisma.raw("schedule_teams"), owner: Prisma.raw("schedule_id") },
  team_memberships: { table: Prisma.raw("team_memberships"), owner: Prisma.raw("person_id") },
} as const;
export type TeamLink = keyof typeof TEAM_LINKS;

/**
 * Sets each owner's teams to exactly the listed ones (PagerDuty's object lists all of its teams):
 * links no longer listed are removed, new ones added, existing ones left as they are (a
 * membership keeps its role).
 */
export async function replaceTeamLinks(
  sql: SqlClient,
  link: TeamLink,
  rows: RelationRows & { owners: number[] },
): Promise<void> {
  if (rows.owners.length === 0) return;
  const { table, owner } = TEAM_LINKS[link];
  await sql.$executeRaw(Prisma.sql`
    DELETE FROM ${table} AS l
    WHERE l.${owner} = ANY(${rows.owners}::int4[])
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${rows.ownerIds}::int4[], ${rows.relatedIds}::int4[]) AS u(owner, team)
        WHERE u.owner = l.${owner} AND u.team = l.team_id)`);
  if (rows.ownerIds.length === 0) return;
  await sql.$executeRaw(Prisma.sql`
    INSERT INTO ${table} (${owner}, team_id)
    SELECT * FROM unnest(${rows.ownerIds}::int4[], ${rows.relatedIds}::int4[])
    ON CONFLICT DO NOTHING`);
}
