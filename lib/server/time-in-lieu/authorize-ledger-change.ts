import {
  exportsTimeInLieuFor,
  mayClaimFor,
  mayDecideFor,
  seesPerson,
  type Viewer,
} from "@/lib/shared/access-policy";
import { findPerson, findTeam, type ScopedTeam } from "../access/authorize";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";
import { getLedgerPerson, type LedgerPerson } from "./ledger-person";

/**
 * Who may change a ledger, on top of lib/server/access/authorize.ts: each function returns the
 * person whose ledger it is, or throws a 403/404 whose message says what to do instead.
 */

async function ledgerPerson(db: PrismaClient, personId: number): Promise<LedgerPerson> {
  const person = await getLedgerPerson(db, personId);
  if (!person) throw new ApiError("not_found", `No person ${personId}.`);
  return person;
}

/**
 * Claims come from the engineer themself. Anyone else's ledger — or one that does not exist —
 * gets the same 403, so the answer says nothing about who exists.
 */
export async function authorizeClaimant(
  db: PrismaClient,
  viewer: Viewer,
  personKey: string,
): Promise<LedgerPerson> {
  const person = await findPerson(db, personKey);
  if (!person || !mayClaimFor(viewer, person.id)) {
    throw new ApiError("forbidden", "You can only claim from your own ledger.");
  }
  return ledgerPerson(db, person.id);
}

/**
 * Decisions and adjustments: a manager of one of the person's teams, never on their own ledger.
 * `action` completes "You cannot … your own claim" and "only a manager of their team can …".
 */
export async function authorizeDecider(
  db: PrismaClient,
  viewer: Viewer,
  personId: number,
  action: { own: string; others: string },
): Promise<LedgerPerson> {
  const person = await ledgerPerson(db, personId);
  if (viewer.personId === person.id) {
    throw new ApiError("forbidden", `You cannot ${action.own}. A manager of your team does that.`);
  }
  if (!mayDecideFor(viewer, person)) {
    // Name the person only to a viewer who may see them anyway (an admin who manages no team).
    const who = seesPerson(viewer, person) ? person.name : "This person";
    const managed = viewer.managedTeamIds.length === 0 ? " You manage no team." : "";
    throw new ApiError(
      "forbidden",
      `${who} is not in a team you manage: only a manager of their team can ${action.others}.${managed}`,
    );
  }
  return person;
}

/**
 * The payroll export's scope: the named team, or for no team the whole organisation (an admin)
 * or the one team a manager manages. Returns the team, or null for the organisation.
 */
export async function authorizeExportScope(
  db: PrismaClient,
  viewer: Viewer,
  teamKey: string | undefined,
): Promise<ScopedTeam | null> {
  const managed = await db.team.findMany({
    where: { id: { in: viewer.managedTeamIds } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const youManage = managed.map((team) => team.name).join(", ");
  if (teamKey === undefined) {
    if (exportsTimeInLieuFor(viewer, null)) return null;
    const [only] = managed;
    if (managed.length === 1 && only && exportsTimeInLieuFor(viewer, only.id)) return only;
    if (managed.length > 1) {
      throw new ApiError("bad_request", `team: choose one of the teams you manage: ${youManage}.`);
    }
  } else {
    const team = await findTeam(db, teamKey);
    if (team && exportsTimeInLieuFor(viewer, team.id)) return team;
    if (!team && exportsTimeInLieuFor(viewer, null)) {
      throw new ApiError("not_found", `No team "${teamKey}": use its name or id.`);
    }
    if (managed.length > 0) {
      throw new ApiError(
        "forbidden",
        `You can export time in lieu only for the teams you manage: ${youManage}.`,
      );
    }
  }
  throw new ApiError(
    "forbidden",
    "Only an admin or a team's manager can export time in lieu for payroll.",
  );
}
