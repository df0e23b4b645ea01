import { Prisma } from "@/prisma/generated/client/client";
import { type PagerDutyReference, referenceKey } from "../records";
import type { SqlClient } from "./sql-client";

/** Tables whose rows records refer to by PagerDuty id (an allow-list: identifiers are never built from input). */
export const REFERENCE_TABLES = {
  teams: Prisma.raw("teams"),
  services: Prisma.raw("services"),
  escalation_policies: Prisma.raw("escalation_policies"),
  schedules: Prisma.raw("schedules"),
  incidents: Prisma.raw("incidents"),
  people: Prisma.raw("people"),
} as const;
export type ReferenceTable = keyof typeof REFERENCE_TABLES;
/** Tables a reference may create a placeholder in by id or by name (people and incidents have their own rules). */
type OrganisationTable = Exclude<ReferenceTable, "incidents" | "people">;

/** Database ids of the rows with these PagerDuty ids (those that exist). */
export async function idsByPagerDutyId(
  sql: SqlClient,
  table: ReferenceTable,
  pagerdutyIds: readonly string[],
): Promise<Map<string, number>> {
  if (pagerdutyIds.length === 0) return new Map();
  const rows = await sql.$queryRaw<{ id: number; pagerdutyId: string }[]>(Prisma.sql`
    SELECT id, pagerduty_id AS "pagerdutyId" FROM ${REFERENCE_TABLES[table]}
    WHERE pagerduty_id = ANY(${[...new Set(pagerdutyIds)]}::text[])`);
  return new Map(rows.map((row) => [row.pagerdutyId, row.id]));
}

function uniqueReferences(references: Iterable<PagerDutyReference | null>): PagerDutyReference[] {
  const byKey = new Map<string, PagerDutyReference>();
  for (const reference of references) {
    if (!reference || (reference.pagerdutyId === null && !reference.name)) continue;
    const key = referenceKey(reference);
    const known = byKey.get(key);
    if (!known || (known.name === null && reference.name !== null)) byKey.set(key, reference);
  }
  return [...byKey.values()];
}

/**
 * Makes sure every referenced team, service, escalation policy or schedule has a row, creating a
 * placeholder named by the reference's summary (or its id) for one not imported yet; the full
 * object fills it in when it arrives, whatever the order of the files. A reference by name alone
 * (a CSV without id columns) takes the row with that name, or creates one. Returns a map keyed
 * by `referenceKey`.
 */
export async function ensureReferenced(
  sql: SqlClient,
  table: OrganisationTable,
  references: Iterable<PagerDutyReference | null>,
): Promise<Map<string, number>> {
  const unique = uniqueReferences(references);
  if (unique.length === 0) return new Map();
  const identified = unique.filter((reference) => reference.pagerdutyId !== null);
  // Most references name rows already stored (a file refers to the same few hundred services
  // batch after batch): look them up, and insert only the missing ones.
  const ids = await idsByPagerDutyId(
    sql,
    table,
    identified.map((reference) => reference.pagerdutyId ?? ""),
  );
  const missing = identified.filter((reference) => !ids.has(reference.pagerdutyId ?? ""));
  const pagerdutyIds = missing.map((reference) => reference.pagerdutyId ?? "");
  const names = missing.map((reference) => reference.name ?? reference.pagerdutyId ?? "");
  // Team names are unique: a placeholder whose summary clashes with another team's name takes the
  // id as a suffix (the second pass), and the full team record renames it.
  for (const suffixed of missing.length > 0 ? [false, true] : []) {
    await sql.$executeRaw(Prisma.sql`
      INSERT INTO ${REFERENCE_TABLES[table]} (pagerduty_id, name, updated_at)
      SELECT u.pd, CASE WHEN ${suffixed} THEN u.name || ' (' || u.pd || ')' ELSE u.name END, now()
      FROM unnest(${pagerdutyIds}::text[], ${names}::text[]) AS u(pd, name)
      ON CONFLICT DO NOTHING`);
  }
  for (const [pagerdutyId, id] of await idsByPagerDutyId(sql, table, pagerdutyIds)) {
    ids.set(pagerdutyId, id);
  }
  const namedOnly = unique.flatMap((reference) =>
    reference.pagerdutyId === null && reference.name ? [reference.name] : [],
  );
  for (const [name, id] of await idsByName(sql, table, namedOnly)) ids.set(`name:${name}`, id);
  return ids;
}

/** Rows named so (case-insensitive; the oldest when several share it), created when missing. */
async function idsByName(
  sql: SqlClient,
  table: OrganisationTable,
  names: string[],
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  await sql.$executeRaw(Prisma.sql`
    INSERT INTO ${REFERENCE_TABLES[table]} (name, updated_at)
    SELECT DISTINCT ON (lower(u.name)) u.name, now() FROM unnest(${names}::text[]) AS u(name)
    WHERE NOT EXISTS (SELECT 1 FROM ${REFERENCE_TABLES[table]} t WHERE lower(t.name) = lower(u.name))
    ON CONFLICT DO NOTHING`);
  const rows = await sql.$queryRaw<{ name: string; id: number }[]>(Prisma.sql`
    SELECT DISTINCT ON (lower(name)) lower(name) AS name, id FROM ${REFERENCE_TABLES[table]}
    WHERE lower(name) = ANY(${names.map((name) => name.toLowerCase())}::text[])
    ORDER BY lower(name), id`);
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Owner → its related ids, written as a set: pairs not listed any more are removed. */
export interface RelationRows {
  ownerIds: number[];
  relatedIds: number[];
}

/** Pairs (owner, related) for each owner from its references, skipping unknown references. */
export function relationRows<T>(
  owners: readonly T[],
  ownerIdOf: (owner: T) => number | undefined,
  referencesOf: (owner: T) => readonly PagerDutyReference[],
  relatedIds: Map<string, number>,
): RelationRows & { owners: number[] } {
  const rows: RelationRows & { owners: number[] } = { ownerIds: [], relatedIds: [], owners: [] };
  for (const owner of owners) {
    const ownerId = ownerIdOf(owner);
    if (ownerId === undefined) continue;
    rows.owners.push(ownerId);
    for (const reference of referencesOf(owner)) {
      const relatedId = relatedIds.get(referenceKey(reference));
      if (relatedId === undefined) continue;
      rows.ownerIds.push(ownerId);
      rows.relatedIds.push(relatedId);
    }
  }
  return rows;
}
