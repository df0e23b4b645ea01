import { hoursAvailable, hoursOf, largestConsumptionAt } from "@/lib/metrics/time-in-lieu-claims";
import type { ClaimsShown } from "@/lib/shared/access-policy";
import type { ClaimStatus, ClaimsQuery, ClaimView } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";
import { getMetricSettings } from "../queries/get-metric-settings";
import { localDateOf } from "./ledger-dates";
import { listLedgerLines } from "./list-ledger-lines";

/** A long queue is worked from the top; the list stops here rather than grow without bound. */
export const CLAIMS_LISTED = 500;

/** Whose claims: as the access policy shows them to a viewer, or these ids (after a change). */
export type ClaimsFilter =
  | { shown: ClaimsShown; exceptPersonId: number | null }
  | { claimIds: readonly number[] };

interface ClaimRow {
  id: number;
  personId: number;
  personName: string;
  timeZone: string | null;
  teams: string[];
  minutes: number;
  occurredAt: Date;
  note: string | null;
  status: ClaimStatus;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

function whoseClaims(filter: ClaimsFilter): Prisma.Sql {
  if ("claimIds" in filter) return Prisma.sql`e.id = ANY(${[...filter.claimIds]}::int[])`;
  const { shown, exceptPersonId } = filter;
  const notOwn = Prisma.sql`e.person_id IS DISTINCT FROM ${exceptPersonId}::int`;
  switch (shown.kind) {
    case "everyone":
      return notOwn;
    case "teams":
      return Prisma.sql`${notOwn} AND EXISTS (
        SELECT 1 FROM team_memberships m
        WHERE m.person_id = e.person_id AND m.team_id = ANY(${shown.teamIds}::int[]))`;
    case "own":
      return Prisma.sql`e.person_id = ${shown.personId}`;
    default:
      // Fail closed: no role, no rows.
      return Prisma.sql`1 = 0`;
  }
}

/**
 * Claims with their claimant, team names, day (in the claimant's zone), decision and how much
 * the claimant has available (see ClaimView.availableHours). Pending ones oldest first, as a
 * queue is worked; otherwise newest first.
 */
export async function listClaims(
  db: PrismaClient,
  filter: ClaimsFilter,
  status: ClaimsQuery["status"],
  now: Date = new Date(),
): Promise<ClaimView[]> {
  const statusIs =
    status === "all" ? Prisma.sql`TRUE` : Prisma.sql`e.status = ${status}::claim_status`;
  const order =
    status === "pending"
      ? Prisma.sql`e.created_at ASC, e.id ASC`
      : Prisma.sql`e.created_at DESC, e.id DESC`;
  const [rows, settings] = await Promise.all([
    db.$queryRaw<ClaimRow[]>(Prisma.sql`
      SELECT e.id, e.person_id AS "personId", p.name AS "personName", p.time_zone AS "timeZone",
        COALESCE((SELECT array_agg(t.name ORDER BY t.name) FROM team_memberships m
                  JOIN teams t ON t.id = m.team_id WHERE m.person_id = p.id), '{}') AS teams,
        e.minutes, e.occurred_at AS "occurredAt", e.note, e.status::text AS status,
        e.created_at AS "createdAt", e.decided_by AS "decidedBy", e.decided_at AS "decidedAt",
        e.decision_note AS "decisionNote"
      FROM time_in_lieu_entries e JOIN people p ON p.id = e.person_id
      WHERE e.kind = 'claim' AND ${statusIs} AND ${whoseClaims(filter)}
      ORDER BY ${order} LIMIT ${CLAIMS_LISTED}`),
    getMetricSettings(db),
  ]);
  const ledgers = await listLedgerLines(db, [...new Set(rows.map((row) => row.personId))]);
  const availableNow = new Map<number, number>();
  const available = (row: ClaimRow) => {
    const lines = ledgers.get(row.personId) ?? [];
    // Pending: what approving it may take; the claim itself is not counted against itself.
    if (row.status === "pending")
      return largestConsumptionAt(lines, row.occurredAt, { excludeId: row.id });
    if (!availableNow.has(row.personId))
      availableNow.set(row.personId, largestConsumptionAt(lines, now));
    return availableNow.get(row.personId) ?? 0;
  };
  return rows.map((row) => ({
    id: row.id,
    person: { id: row.personId, name: row.personName },
    teams: row.teams,
    hours: hoursOf(row.minutes),
    date: localDateOf(row.occurredAt, row.timeZone ?? settings.accountTimeZone),
    note: row.note,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    availableHours: hoursAvailable(available(row)),
  }));
}
