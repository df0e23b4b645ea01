import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { withClient } from "@/lib/server/testing/test-server";
import { type SeedSummary, seedDatabase } from "./seed-database";

const until = new Date("2026-10-01T00:00:00Z");

const SEEDED_TABLES = [
  "people",
  "teams",
  "team_memberships",
  "escalation_policies",
  "escalation_policy_teams",
  "schedules",
  "schedule_teams",
  "services",
  "service_teams",
  "import_runs",
  "on_call_shifts",
  "incidents",
  "incident_teams",
  "incident_log_entries",
  "pages",
  "time_in_lieu_policies",
  "time_in_lieu_entries",
] as const;

/** Every row of every seeded table, hashed: equal fingerprints mean byte-identical data. */
function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const hashes: Record<string, string> = {};
    for (const table of SEEDED_TABLES) {
      const { rows } = await client.query<{ hash: string }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM "${table}" t`,
      );
      hashes[table] = rows[0]?.hash ?? "";
    }
    return hashes;
  });
}

async function count(client: pg.Client, sql: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(sql);
  return rows[0]?.count ?? -1;
}

describe("seedDatabase", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    summary = await seedDatabase({ databaseUrl: first.url, scale: "demo", seed: 2, until });
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it("reports what it wrote", async () => {
    // Five quarters before the quarter that starts on `until`.
    expect(summary.from.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(summary.teams).toBe(5);
    await withClient(first.url, async (client) => {
      expect(await count(client, "SELECT count(*)::int AS count FROM incidents")).toBe(
        summary.incidents,
      );
      expect(await count(client, "SELECT count(*)::int AS count FROM pages")).toBe(summary.pages);
      expect(await count(client, "SELECT count(*)::int AS count FROM on_call_shifts")).toBe(
        summary.shifts,
      );
      expect(
        await count(
          client,
          "SELECT count(*)::int AS count FROM import_runs WHERE status = 'succeeded' AND source = 'demo_seed'",
        ),
      ).toBe(1);
    });
  });

  it("keeps every reference valid (foreign-key checks may be skipped while loading)", async () => {
    await withClient(first.url, async (client) => {
      const orphans = [
        "SELECT count(*)::int AS count FROM incident_log_entries l WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = l.incident_id)",
        "SELECT count(*)::int AS count FROM incident_log_entries l WHERE l.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = l.person_id)",
        "SELECT count(*)::int AS count FROM pages p WHERE NOT EXISTS (SELECT 1 FROM incident_log_entries l WHERE l.id = p.log_entry_id AND l.person_id = p.person_id AND l.incident_id = p.incident_id)",
        "SELECT count(*)::int AS count FROM incident_teams t WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = t.incident_id AND i.created_at = t.incident_created_at)",
        "SELECT count(*)::int AS count FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.id = i.service_id)",
        "SELECT count(*)::int AS count FROM on_call_shifts s WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = s.person_id) OR NOT EXISTS (SELECT 1 FROM schedules c WHERE c.id = s.schedule_id)",
        "SELECT count(*)::int AS count FROM time_in_lieu_entries e WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = e.person_id)",
      ];
      for (const sql of orphans) expect(await count(client, sql), sql).toBe(0);
    });
  });

  it("notes every seeded day for the incident measure rollups (its triggers are skipped)", async () => {
    await withClient(first.url, async (client) => {
      const unnoted = `SELECT count(*)::int AS count FROM incidents i WHERE NOT EXISTS (
        SELECT 1 FROM incident_measure_changes c WHERE c.day = (i.created_at AT TIME ZONE 'UTC')::date)`;
      expect(await count(client, unnoted)).toBe(0);
      expect(
        await count(client, "SELECT count(*)::int AS count FROM incident_measure_changes"),
      ).toBeGreaterThan(0);
    });
  });

  it("moves every id sequence past the explicit ids, so later inserts do not collide", async () => {
    await withClient(first.url, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO people (name, updated_at) VALUES ('New Hire', now()) RETURNING id",
      );
      expect(rows[0]?.id).toBe(summary.people + 1);
      const next = await client.query<{ id: number }>(
        "SELECT nextval('incidents_id_seq')::int AS id",
      );
      expect(next.rows[0]?.id).toBe(summary.incidents + 1);
    });
  });

  it("writes byte-identical data for the same scale, seed and end", async () => {
    await seedDatabase({ databaseUrl: second.url, scale: "demo", seed: 2, until });
    await withClient(first.url, (client) =>
      client.query("DELETE FROM people WHERE name = 'New Hire'"),
    );
    expect(await fingerprint(second.url)).toEqual(await fingerprint(first.url));
  });

  it("refuses an end that is not a UTC midnight", async () => {
    await expect(
      seedDatabase({
        databaseUrl: second.url,
        scale: "demo",
        seed: 2,
        until: new Date("2026-10-01T12:00:00Z"),
      }),
    ).rejects.toThrow(/UTC midnight/);
  });
});
