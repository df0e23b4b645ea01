import {
  AccountError,
  createAccount,
  grantRole,
  type RoleGrant,
  revokeRole,
} from "@/lib/server/accounts/create-account";
import { describeRole, describeRoles } from "@/lib/server/accounts/describe-roles";
import { generatePassword } from "@/lib/server/accounts/generate-password";
import { type AccountSummary, listAccounts } from "@/lib/server/accounts/list-accounts";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { COMMAND_LINE_ACTOR } from "@/lib/server/audit/record-audit";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { createPrismaClient, type PrismaClient } from "@/lib/server/database/prisma-client";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import type { AccessRoleKind } from "@/lib/shared/access-policy";
import { CommandLineError } from "../command-line-error";

export interface UserOptions {
  email?: string;
  name?: string;
  password?: string;
  admin?: boolean;
  leadership?: boolean;
  engineer?: boolean;
  /** Team names or PagerDuty ids, one per --manager. */
  manager?: string[];
}

type Subcommand = "add" | "list" | "grant" | "revoke" | "password";

/** Which of the user options each subcommand takes; anything else is a mistake worth naming. */
const ACCEPTED: Record<Subcommand, (keyof UserOptions)[]> = {
  add: ["email", "name", "password", "admin", "leadership", "engineer", "manager"],
  list: [],
  grant: ["email", "admin", "leadership", "engineer", "manager"],
  revoke: ["email", "admin", "leadership", "engineer", "manager"],
  password: ["email", "password"],
};

/** A role asked for on the command line, its team still a name or PagerDuty id. */
interface RequestedRole {
  role: AccessRoleKind;
  team?: string;
}

/**
 * `fairshift user add|list|grant|revoke|password`: accounts from a terminal, e.g. the first admin
 * of an installation. Changes are recorded in the audit trail as made by "command line".
 */
export async function runUserCommand(
  subcommand: string | undefined,
  options: UserOptions,
): Promise<number> {
  if (!isSubcommand(subcommand)) {
    throw new CommandLineError(
      `Say what to do with accounts: fairshift user add|list|grant|revoke|password${subcommand === undefined ? "" : ` (not "${subcommand}")`}.`,
    );
  }
  for (const [key, value] of Object.entries(options) as [keyof UserOptions, unknown][]) {
    if (value !== undefined && !ACCEPTED[subcommand].includes(key)) {
      throw new CommandLineError(`--${key} does not apply to \`fairshift user ${subcommand}\`.`);
    }
  }
  const email = subcommand === "list" ? undefined : requireEmail(options.email);
  const roles = requestedRoles(options);
  if ((subcommand === "grant" || subcommand === "revoke") && roles.length === 0) {
    throw new CommandLineError(
      `Say which role to ${subcommand}: --admin, --leadership, --engineer or --manager TEAM.`,
    );
  }

  const database = await ensureDatabase();
  onShutdown(database.stop);
  const db = createPrismaClient(database.url);
  try {
    // An embedded server this command started may be brand new: bring it to the schema.
    if (database.isStartedHere) await runMigrations(database.url);
    switch (subcommand) {
      case "list":
        printAccounts(await listAccounts(db));
        return 0;
      case "add":
        return await addUser(db, requireValue(email), options, roles);
      case "grant":
      case "revoke":
        return await changeRoles(db, subcommand, requireValue(email), roles);
      case "password":
        return await changePassword(db, requireValue(email), options.password);
    }
  } catch (error) {
    if (error instanceof AccountError) throw new CommandLineError(error.message);
    throw error;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

async function addUser(
  db: PrismaClient,
  email: string,
  options: UserOptions,
  requested: RequestedRole[],
): Promise<number> {
  const existing = await findAccount(db, email);
  if (existing) {
    throw new CommandLineError(
      `An account for ${existing.email} already exists: add roles with \`fairshift user grant --email ${existing.email} --admin\` (or --leadership, --engineer, --manager TEAM), or set a new password with \`fairshift user password --email ${existing.email}\`.`,
    );
  }
  const roles = await resolveTeams(db, requested);
  const isGenerated = options.password === undefined;
  const password = options.password ?? generatePassword();
  await createAccount(db, { email, name: options.name, password, roles }, COMMAND_LINE_ACTOR);
  const account = await requireAccount(db, email);
  console.log(`Created the account ${account.email}.`);
  printAccount(account);
  if (isGenerated) printGeneratedPassword(password);
  if (!account.person && account.roles.some((grant) => grant.role === "engineer")) {
    console.log(
      "  Note: an engineer sees their own person's data; this account has no person, so it sees no rows yet.",
    );
  }
  return 0;
}

async function changeRoles(
  db: PrismaClient,
  change: "grant" | "revoke",
  email: string,
  requested: RequestedRole[],
): Promise<number> {
  const account = await requireAccount(db, email);
  const roles = await resolveTeams(db, requested);
  const teamNames = new Map(
    (await db.team.findMany({ select: { id: true, name: true } })).map((team) => [
      team.id,
      team.name,
    ]),
  );
  for (const grant of roles) {
    const teamId = grant.teamId ?? null;
    const label = describeRole(grant.role, teamId === null ? null : teamNames.get(teamId));
    if (change === "grant") {
      const { isGranted } = await grantRole(db, account.id, grant.role, teamId, COMMAND_LINE_ACTOR);
      console.log(
        isGranted ? `Granted ${label} to ${email}.` : `${email} already is ${label}; unchanged.`,
      );
    } else {
      const { isRevoked } = await revokeRole(
        db,
        account.id,
        grant.role,
        teamId,
        COMMAND_LINE_ACTOR,
      );
      console.log(
        isRevoked ? `Revoked ${label} from ${email}.` : `${email} was not ${label}; unchanged.`,
      );
    }
  }
  printAccount(await requireAccount(db, email));
  return 0;
}

async function changePassword(
  db: PrismaClient,
  email: string,
  givenPassword: string | undefined,
): Promise<number> {
  const account = await requireAccount(db, email);
  const password = givenPassword ?? generatePassword();
  const { endedSessions } = await resetPassword(db, account.id, password, COMMAND_LINE_ACTOR);
  console.log(
    `Set a new password for ${account.email} and ended its ${endedSessions} session${endedSessions === 1 ? "" : "s"}: it signs in again everywhere.`,
  );
  if (givenPassword === undefined) printGeneratedPassword(password);
  return 0;
}

function isSubcommand(value: string | undefined): value is Subcommand {
  return value !== undefined && Object.hasOwn(ACCEPTED, value);
}

function requireEmail(email: string | undefined): string {
  if (email === undefined || email.trim() === "") {
    throw new CommandLineError("Give the account's e-mail: --email someone@example.com.");
  }
  return email.trim().toLowerCase();
}

function requireValue<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("unreachable: checked before connecting");
  return value;
}

function requestedRoles(options: UserOptions): RequestedRole[] {
  const roles: RequestedRole[] = [];
  if (options.admin) roles.push({ role: "admin" });
  if (options.leadership) roles.push({ role: "leadership" });
  for (const team of options.manager ?? []) roles.push({ role: "manager", team });
  if (options.engineer) roles.push({ role: "engineer" });
  return roles;
}

async function findAccount(db: PrismaClient, email: string): Promise<AccountSummary | undefined> {
  const [account] = await listAccounts(db, { email });
  return account;
}

async function requireAccount(db: PrismaClient, email: string): Promise<AccountSummary> {
  const account = await findAccount(db, email);
  if (!account) {
    throw new CommandLineError(
      `No account has the e-mail ${email}: \`fairshift user list\` shows every account; \`fairshift user add --email ${email}\` makes one.`,
    );
  }
  return account;
}

/** --manager takes a team's name (any case) or its PagerDuty id. */
async function resolveTeams(db: PrismaClient, requested: RequestedRole[]): Promise<RoleGrant[]> {
  const wanted = requested.filter((grant) => grant.team !== undefined);
  if (wanted.length === 0) return requested.map(({ role }) => ({ role }));
  const teams = await db.team.findMany({
    select: { id: true, name: true, pagerdutyId: true },
    orderBy: { name: "asc" },
  });
  return requested.map(({ role, team }) => {
    if (team === undefined) return { role };
    const key = team.trim().toLowerCase();
    const match =
      teams.find((candidate) => candidate.pagerdutyId?.toLowerCase() === key) ??
      teams.find((candidate) => candidate.name.toLowerCase() === key);
    if (!match) throw new CommandLineError(unknownTeamMessage(team, teams));
    return { role, teamId: match.id };
  });
}

function unknownTeamMessage(team: string, teams: { name: string; pagerdutyId: string | null }[]) {
  if (teams.length === 0) {
    return `No team "${team}": there are no teams yet. Import PagerDuty data first (fairshift sync pagerduty, or fairshift import).`;
  }
  const shown = teams.slice(0, 40).map((candidate) => candidate.name);
  const more = teams.length > shown.length ? `, … and ${teams.length - shown.length} more` : "";
  return `No team "${team}" (by name or PagerDuty id). The teams are: ${shown.join(", ")}${more}.`;
}

function describePerson(account: AccountSummary): string {
  if (!account.person) return "not linked: no PagerDuty person has this e-mail";
  const id = account.person.pagerdutyId ? ` (${account.person.pagerdutyId})` : "";
  return `${account.person.name}${id}, linked by e-mail`;
}

function printAccount(account: AccountSummary): void {
  console.log(`  E-mail:   ${account.email}`);
  console.log(`  Person:   ${describePerson(account)}`);
  console.log(`  Roles:    ${describeRoles(account.roles)}`);
}

/** Shown once, on purpose: it is not stored anywhere it could be read back. */
function printGeneratedPassword(password: string): void {
  console.log(`  Password: ${password}`);
  console.log(
    "  (generated; shown only this once and not stored readably: hand it over privately.)",
  );
}

function utcMinute(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function printAccounts(accounts: AccountSummary[]): void {
  if (accounts.length === 0) {
    console.log(
      "No accounts yet. Make the first admin: fairshift user add --admin --email you@example.com",
    );
    return;
  }
  const rows = accounts.map((account) => [
    account.email,
    account.person ? account.person.name : "not linked",
    describeRoles(account.roles),
    account.lastSignInAt ? utcMinute(account.lastSignInAt) : "none",
  ]);
  const header = ["E-MAIL", "PERSON", "ROLES", "LAST SIGN-IN (UTC)"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join("  "),
    );
  }
  console.log(`${accounts.length} account${accounts.length === 1 ? "" : "s"}.`);
}
