import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface ReportPerson {
  id: number;
  pagerdutyId: string | null;
  name: string;
  email: string | null;
  /** null: PagerDuty has no zone for them; the account zone applies. */
  timeZone: string | null;
  /** null: the country of their zone. */
  holidayRegion: string | null;
  teamIds: number[];
}

export interface ReportPeopleScope {
  range: { start: Date; end: Date };
  /** Team name (case-insensitive) or PagerDuty team id: its members only. */
  team?: string;
}

/**
 * Everyone with a page or an on-call shift in the range (PRODUCT.md: `people[]` "lists everyone
 * with a page or a shift in the range"), ordered by name. With a team, its members only.
 */
export async function listReportPeople(
  db: PrismaClient,
  scope: ReportPeopleScope,
): Promise<ReportPerson[]> {
  const { start, end } = scope.range;
  const teamCondition =
    scope.team === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (
          SELECT 1 FROM team_memberships m JOIN teams t ON t.id = m.team_id
          WHERE m.person_id = p.id
            AND (lower(t.name) = lower(${scope.team}) OR t.pagerduty_id = ${scope.team}))`;
  return db.$queryRaw<ReportPerson[]>(Prisma.sql`
    SELECT p.id, p.pagerduty_id AS "pagerdutyId", p.name, p.email, p.time_zone AS "timeZone",
      p.holiday_region AS "holidayRegion",
      COALESCE((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_memberships m
                WHERE m.person_id = p.id), '{}') AS "teamIds"
    FROM people p
    WHERE ${teamCondition}
      AND (EXISTS (SELECT 1 FROM pages pg WHERE pg.person_id = p.id AND pg.at >= ${start} AND pg.at < ${end})
        OR EXISTS (SELECT 1 FROM on_call_shifts s
                   WHERE s.person_id = p.id AND s.start_at < ${end} AND s.end_at > ${start}))
    ORDER BY lower(p.name), p.id`);
}
