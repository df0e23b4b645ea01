import { seesOrganisation, seesTeam, type Viewer } from "@/lib/shared/access-policy";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";
import { authorizeAggregateScope, type ScopedTeam, visibleTeamNames } from "./authorize";

/**
 * `authorizeAggregateScope` for the report filters, closing a gap between how it finds a team
 * (by id, name or PagerDuty id: one team) and how the queries filter by `team` (every team whose
 * name matches case-insensitively or whose PagerDuty id is the text, never by id). For a viewer
 * who does not see the organisation, every team the queries would include must be theirs, and
 * the team returned is the one the queries use (null when they match none, or several).
 */
export async function authorizeReportScope(
  db: PrismaClient,
  viewer: Viewer,
  scope: { team?: string | undefined },
): Promise<ScopedTeam | null> {
  const team = await authorizeAggregateScope(db, viewer, scope);
  if (scope.team === undefined || seesOrganisation(viewer)) return team;
  const matched = await db.$queryRaw<ScopedTeam[]>(Prisma.sql`
    SELECT id, name FROM teams
    WHERE lower(name) = lower(${scope.team}) OR pagerduty_id = ${scope.team}
    ORDER BY id`);
  if (matched.some((candidate) => !seesTeam(viewer, candidate.id))) {
    const names = await visibleTeamNames(db, viewer);
    throw new ApiError(
      "forbidden",
      `You have no access to every team "${scope.team}" names: choose one by its exact name. You can see ${names.join(", ")}.`,
    );
  }
  return matched.length === 1 ? (matched[0] ?? null) : null;
}
