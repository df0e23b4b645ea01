import { Prisma } from "@/prisma/generated/client/client";
import type { PersonRecord, PersonReference } from "../records";
import { idsByPagerDutyId, relationRows } from "./organisation-references";
import { countsOf, lastByKey, type SqlClient, type WriteCounts } from "./sql-client";
import { replaceTeamLinks } from "./team-links";
import { ensureTeams } from "./upsert-organisation";

export interface RejectedRecord<T> {
  record: T;
  reason: string;
}

const keyOfPerson = (person: PersonRecord) =>
  person.pagerdutyId ? `id:${person.pagerdutyId}` : `email:${person.email}`;

/**
 * A PagerDuty user arriving with the e-mail of a person created from an iCal feed or shifts file
 * (no PagerDuty id yet) becomes that person, so their shifts and pages meet on one row.
 */
async function adoptPeopleByEmail(sql: SqlClient, people: PersonRecord[]): Promise<void> {
  const withBoth = people.filter((person) => person.pagerdutyId && person.email);
  if (withBoth.length === 0) return;
  await sql.$executeRaw(Prisma.sql`
    UPDATE people AS p SET pagerduty_id = u.pd, updated_at = now()
    FROM unnest(${withBoth.map((person) => person.pagerdutyId)}::text[],
                ${withBoth.map((person) => person.email)}::text[]) AS u(pd, email)
    WHERE p.email = u.email AND p.pagerduty_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM people o WHERE o.pagerduty_id = u.pd)`);
}

/** People whose e-mail already belongs to another PagerDuty user cannot be stored as they are. */
async function emailClashes(sql: SqlClient, people: PersonRecord[]): Promise<Map<string, string>> {
  const withEmail = people.filter((person) => person.email !== null);
  if (withEmail.length === 0) return new Map();
  const rows = await sql.$queryRaw<{ key: string; holder: string }[]>(Prisma.sql`
    SELECT u.key, coalesce(p.pagerduty_id, p.name) AS holder
    FROM unnest(${withEmail.map(keyOfPerson)}::text[], ${withEmail.map((person) => person.pagerdutyId)}::text[],
                ${withEmail.map((person) => person.email)}::text[]) AS u(key, pd, email)
    JOIN people p ON p.email = u.email
    WHERE u.pd IS NOT NULL AND p.pagerduty_id IS DISTINCT FROM u.pd`);
  return new Map(rows.map((row) => [row.key, row.holder]));
}

/** Full user records: insert or update on PagerDuty id (or e-mail when there is none), teams replaced. */
export async function upsertPeople(
  sql: SqlClient,
  records: PersonRecord[],
): Promise<{ counts: WriteCounts; rejected: RejectedRecord<PersonRecord>[] }> {
  const rejected: RejectedRecord<PersonRecord>[] = [];
  const identified: PersonRecord[] = [];
  for (const record of records) {
    if (record.pagerdutyId || record.email) identified.push(record);
    else {
      rejected.push({
        record,
        reason: `Person "${record.name}" has neither a PagerDuty id nor an e-mail, so it cannot be matched to pages or shifts; add an id or e-mail column.`,
      });
    }
  }
  const latest = lastByKey(identified, keyOfPerson);
  await adoptPeopleByEmail(sql, latest);
  const clashes = await emailClashes(sql, latest);
  const emailsSeen = new Set<string>();
  const people = latest.filter((person) => {
    const holder = clashes.get(keyOfPerson(person));
    const duplicateInFile = person.email !== null && emailsSeen.has(person.email);
    if (person.email !== null) emailsSeen.add(person.email);
    if (holder === undefined && !duplicateInFile) return true;
    rejected.push({
      record: person,
      reason: `User ${person.pagerdutyId ?? person.name}: e-mail ${person.email} already belongs to ${holder ?? "another user in this import"}. Two people cannot share an e-mail; correct it in PagerDuty and import again.`,
    });
    return false;
  });
  const byId = people.filter((person) => person.pagerdutyId !== null);
  const byEmail = people.filter((person) => person.pagerdutyId === null);
  const columns = (list: PersonRecord[]) => Prisma.sql`
    unnest(${list.map((person) => person.pagerdutyId)}::text[], ${list.map((person) => person.name)}::text[],
           ${list.map((person) => person.email)}::text[], ${list.map((person) => person.timeZone)}::text[])
      AS u(pd, name, email, zone)`;
  const returned: { inserted: boolean }[] = [];
  if (byId.length > 0) {
    returned.push(
      ...(await sql.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
        INSERT INTO people AS p (pagerduty_id, name, email, time_zone, updated_at)
        SELECT u.pd, u.name, u.email, u.zone, now() FROM ${columns(byId)}
        ON CONFLICT (pagerduty_id) DO UPDATE
          SET name = excluded.name, email = excluded.email, time_zone = excluded.time_zone, updated_at = now()
          WHERE (p.name, p.email, p.time_zone) IS DISTINCT FROM (excluded.name, excluded.email, excluded.time_zone)
        RETURNING (xmax = 0) AS inserted`)),
    );
  }
  if (byEmail.length > 0) {
    returned.push(
      ...(await sql.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
        INSERT INTO people AS p (name, email, time_zone, updated_at)
        SELECT u.name, u.email, u.zone, now() FROM ${columns(byEmail)}
        ON CONFLICT (email) DO UPDATE
          SET name = excluded.name, time_zone = coalesce(excluded.time_zone, p.time_zone), updated_at = now()
          WHERE (p.name, p.time_zone) IS DISTINCT FROM (excluded.name, coalesce(excluded.time_zone, p.time_zone))
        RETURNING (xmax = 0) AS inserted`)),
    );
  }
  if (byId.length > 0) {
    const ids = await idsByPagerDutyId(
      sql,
      "people",
      byId.map((person) => person.pagerdutyId ?? ""),
    );
    const teamIds = await ensureTeams(sql, byId);
    await replaceTeamLinks(
      sql,
      "team_memberships",
      relationRows(
        byId,
        (person) => ids.get(person.pagerdutyId ?? ""),
        (person) => person.teams,
        teamIds,
      ),
    );
  }
  return { counts: countsOf(returned, records.length - rejected.length), rejected };
}

/** Finds the database id a person reference means, or null when it cannot be told. */
export type PersonLookup = (reference: PersonReference | null) => number | null;

export interface ResolvePeopleOptions {
  /** Create people known only by name (shift files); log entries never do, names are ambiguous. */
  createNamedPeople: boolean;
}

/**
 * Resolves references by PagerDuty id, then e-mail, then exact name (case-insensitive, only when
 * one person has it). A reference with an id or e-mail that is not stored yet becomes a
 * placeholder person the user record fills in later; a name alone creates a person only when
 * `createNamedPeople` (a shifts file or iCal feed is the only source of its people).
 */
export async function resolvePeople(
  sql: SqlClient,
  references: readonly (PersonReference | null)[],
  options: ResolvePeopleOptions,
): Promise<PersonLookup> {
  const present = references.filter((reference) => reference !== null);
  const withId = lastByKey(
    present.filter((reference) => reference.pagerdutyId),
    (reference) => reference.pagerdutyId ?? "",
  );
  const withEmailOnly = lastByKey(
    present.filter((reference) => !reference.pagerdutyId && reference.email),
    (reference) => reference.email ?? "",
  );
  const nameOf = (reference: PersonReference) =>
    reference.name ?? reference.email ?? reference.pagerdutyId ?? "";
  // Most references name people already stored (every notify entry of an import names one):
  // only the others are adopted or inserted.
  const stored = await idsByPagerDutyId(
    sql,
    "people",
    withId.map((reference) => reference.pagerdutyId ?? ""),
  );
  const unstored = withId.filter((reference) => !stored.has(reference.pagerdutyId ?? ""));
  if (unstored.length > 0) {
    await adoptPeopleByEmail(
      sql,
      unstored.map((reference) => ({
        kind: "person",
        pagerdutyId: reference.pagerdutyId,
        name: nameOf(reference),
        email: reference.email?.toLowerCase() ?? null,
        timeZone: null,
        teams: [],
      })),
    );
    // The second pass drops the e-mail when it belongs to someone else: the id is what matters.
    for (const withEmail of [true, false]) {
      await sql.$executeRaw(Prisma.sql`
        INSERT INTO people (pagerduty_id, name, email, updated_at)
        SELECT u.pd, u.name, CASE WHEN ${withEmail} THEN u.email END, now()
        FROM unnest(${unstored.map((reference) => reference.pagerdutyId)}::text[],
                    ${unstored.map(nameOf)}::text[],
                    ${unstored.map((reference) => reference.email?.toLowerCase() ?? null)}::text[]) AS u(pd, name, email)
        ON CONFLICT DO NOTHING`);
    }
  }
  if (withEmailOnly.length > 0) {
    await sql.$executeRaw(Prisma.sql`
      INSERT INTO people (name, email, updated_at)
      SELECT u.name, u.email, now()
      FROM unnest(${withEmailOnly.map(nameOf)}::text[],
                  ${withEmailOnly.map((reference) => reference.email?.toLowerCase() ?? null)}::text[]) AS u(name, email)
      ON CONFLICT DO NOTHING`);
  }
  const namesOnly = [
    ...new Set(
      present
        .filter((reference) => !reference.pagerdutyId && !reference.email && reference.name)
        .map((reference) => reference.name ?? ""),
    ),
  ];
  if (options.createNamedPeople && namesOnly.length > 0) {
    await sql.$executeRaw(Prisma.sql`
      INSERT INTO people (name, updated_at)
      SELECT u.name, now() FROM unnest(${namesOnly}::text[]) AS u(name)
      WHERE NOT EXISTS (SELECT 1 FROM people p WHERE lower(p.name) = lower(u.name))`);
  }
  const rows = await sql.$queryRaw<
    { id: number; pagerdutyId: string | null; email: string | null; name: string }[]
  >(Prisma.sql`
    SELECT id, pagerduty_id AS "pagerdutyId", email, name FROM people
    WHERE pagerduty_id = ANY(${withId.map((reference) => reference.pagerdutyId)}::text[])
       OR email = ANY(${present.flatMap((reference) => (reference.email ? [reference.email.toLowerCase()] : []))}::text[])
       OR lower(name) = ANY(${namesOnly.map((name) => name.toLowerCase())}::text[])`);
  const byPagerDutyId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number | null>();
  for (const row of rows) {
    if (row.pagerdutyId) byPagerDutyId.set(row.pagerdutyId, row.id);
    if (row.email) byEmail.set(row.email, row.id);
    const name = row.name.toLowerCase();
    // Two people with one name: the name alone cannot say which.
    byName.set(name, byName.has(name) ? null : row.id);
  }
  return (reference) => {
    if (!reference) return null;
    if (reference.pagerdutyId) {
      const id = byPagerDutyId.get(reference.pagerdutyId);
      if (id !== undefined) return id;
    }
    if (reference.email) {
      const id = byEmail.get(reference.email.toLowerCase());
      if (id !== undefined) return id;
    }
    if (reference.name && !reference.pagerdutyId && !reference.email) {
      return byName.get(reference.name.toLowerCase()) ?? null;
    }
    return null;
  };
}
