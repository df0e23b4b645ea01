import type { DatedTimeInLieuPolicy } from "@/lib/metrics/time-in-lieu-policies";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError } from "@/lib/server/http/api-error";
import {
  type DeriveAccrualsResult,
  deriveTimeInLieuAccruals,
} from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { saveTimeInLieuPolicySchema } from "@/lib/shared/settings-requests";
import { Prisma } from "@/prisma/generated/client/client";
import { getMetricSettings } from "./get-metric-settings";

export interface SaveTimeInLieuPolicyResult {
  policy: DatedTimeInLieuPolicy;
  /** true when a version of this team's policy from the same date was replaced. */
  replaced: boolean;
  /** Accruals from the policy's date on (of the team's members, or everyone's for the default). */
  timeInLieuRederived: DeriveAccrualsResult;
}

/**
 * Stores a version of a team's time-in-lieu policy (teamId null: the organisation default) in
 * effect from midnight of `effectiveFrom` in the account time zone; saving the same team and date
 * again replaces that version. Accruals are stored ledger lines, so every call-out from that date
 * on that the policy may govern is derived again: the team's members' for a team policy, everyone's
 * for the default (it applies to whoever's team has no policy of its own).
 */
export async function saveTimeInLieuPolicy(
  db: PrismaClient,
  input: unknown,
): Promise<SaveTimeInLieuPolicyResult> {
  const { teamId, effectiveFrom: date, ...values } = saveTimeInLieuPolicySchema.parse(input);
  const settings = await getMetricSettings(db);
  const effectiveFrom = parseLocalDateTime(date, settings.accountTimeZone);
  if (!effectiveFrom) throw new ApiError("bad_request", `effectiveFrom: "${date}" is not a date.`);
  if (teamId !== null) {
    const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true } });
    if (!team) throw new ApiError("not_found", `No team with id ${teamId}.`);
  }

  const replaced = await db.$transaction(async (transaction) => {
    // The unique (team_id, effective_from) does not hold for the default's NULL team: serialise
    // saves so two at once cannot both insert the same version.
    await transaction.$executeRaw(
      Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('time_in_lieu_policies'))`,
    );
    const updated = await transaction.$executeRaw(Prisma.sql`
      UPDATE time_in_lieu_policies SET
        minimum_off_minutes = ${values.minimumOffMinutes},
        minimum_sleep_minutes = ${values.minimumSleepMinutes},
        round_up_to_minutes = ${values.roundUpToMinutes}, cap_minutes = ${values.capMinutes},
        weekend_multiplier_percent = ${values.weekendMultiplierPercent},
        holiday_multiplier_percent = ${values.holidayMultiplierPercent},
        expiry_days = ${values.expiryDays}
      WHERE team_id IS NOT DISTINCT FROM ${teamId}::int AND effective_from = ${effectiveFrom}`);
    if (updated > 0) return true;
    await transaction.$executeRaw(Prisma.sql`
      INSERT INTO time_in_lieu_policies (team_id, effective_from, minimum_off_minutes,
        minimum_sleep_minutes, round_up_to_minutes, cap_minutes, weekend_multiplier_percent,
        holiday_multiplier_percent, expiry_days)
      VALUES (${teamId}::int, ${effectiveFrom}, ${values.minimumOffMinutes},
        ${values.minimumSleepMinutes}, ${values.roundUpToMinutes}, ${values.capMinutes},
        ${values.weekendMultiplierPercent}, ${values.holidayMultiplierPercent}, ${values.expiryDays})`);
    return false;
  });

  const personIds =
    teamId === null
      ? undefined
      : (
          await db.$queryRaw<{ id: number }[]>(Prisma.sql`
            SELECT person_id AS id FROM team_memberships WHERE team_id = ${teamId} ORDER BY 1`)
        ).map((row) => row.id);
  const timeInLieuRederived = await deriveTimeInLieuAccruals(db, settings, {
    personIds,
    from: effectiveFrom,
  });
  return { policy: { teamId, effectiveFrom, ...values }, replaced, timeInLieuRederived };
}
