import { ledgerWithExpiries } from "@/lib/metrics/person-load";
import {
  type PeriodStatementHours,
  periodStatement,
  statementInHours,
} from "@/lib/metrics/time-in-lieu-export";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";
import { listLedgerLines } from "./list-ledger-lines";

export interface TimeInLieuExportRow extends PeriodStatementHours {
  person: string;
  email: string | null;
  pagerdutyId: string | null;
  teams: string[];
}

/**
 * One row per person for payroll over [from, to): owed at the start, what was accrued, adjusted,
 * taken (approved claims whose day lies in the period) and expired in it, owed at the end, and
 * claims still pending dated before the end — in hours that add up (statementInHours). People:
 * the team's members, or for the whole organisation everyone in a team or with a ledger line.
 */
export async function listTimeInLieuExport(
  db: PrismaClient,
  period: { from: Date; to: Date; teamId: number | null },
): Promise<TimeInLieuExportRow[]> {
  const inScope =
    period.teamId === null
      ? Prisma.sql`EXISTS (SELECT 1 FROM team_memberships m WHERE m.person_id = p.id)
          OR EXISTS (SELECT 1 FROM time_in_lieu_entries e
                     WHERE e.person_id = p.id AND e.occurred_at < ${period.to})`
      : Prisma.sql`EXISTS (SELECT 1 FROM team_memberships m
                           WHERE m.person_id = p.id AND m.team_id = ${period.teamId})`;
  const people = await db.$queryRaw<
    {
      id: number;
      name: string;
      email: string | null;
      pagerdutyId: string | null;
      teams: string[];
    }[]
  >(Prisma.sql`
    SELECT p.id, p.name, p.email, p.pagerduty_id AS "pagerdutyId",
      COALESCE((SELECT array_agg(t.name ORDER BY t.name) FROM team_memberships m
                JOIN teams t ON t.id = m.team_id WHERE m.person_id = p.id), '{}') AS teams
    FROM people p WHERE ${inScope}
    ORDER BY p.name, p.id`);
  const ledgers = await listLedgerLines(
    db,
    people.map((person) => person.id),
  );
  return people.map((person) => {
    const ledger = ledgerWithExpiries(ledgers.get(person.id) ?? [], period.to);
    return {
      person: person.name,
      email: person.email,
      pagerdutyId: person.pagerdutyId,
      teams: person.teams,
      ...statementInHours(periodStatement(ledger, period.from, period.to)),
    };
  });
}
