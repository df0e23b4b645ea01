import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { OFFLINE_TOOL_ENVIRONMENT } from "@/lib/server/runtime/offline-tool-environment";
import { snapshotCatalog } from "@/lib/server/testing/catalog-snapshot";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  uniqueDatabaseName,
} from "@/lib/server/testing/test-server";

const require = createRequire(import.meta.url);

/**
 * What the migrations add by hand because Prisma's schema language cannot say it: statements
 * written here, and each migration's `-- hand-written:start` … `-- hand-written:end` block. All
 * are applied to the database built from schema.prisma too, so anything else still has to match.
 */
const HAND_WRITTEN_SQL = [
  // Organisation-wide grants (team_id NULL) unique per account: NULLs are distinct in a unique index.
  `CREATE UNIQUE INDEX "access_roles_user_id_role_org_wide_key" ON "access_roles"("user_id", "role") WHERE "team_id" IS NULL`,
];

function handWrittenBlocks(): string[] {
  const directory = path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const sql = fs.readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      const block = /-- hand-written:start[^\n]*\n([\s\S]*?)-- hand-written:end/.exec(sql);
      return block?.[1] === undefined ? [] : [block[1]];
    });
}

describe("committed migrations", () => {
  let migrated: TestDatabase;
  let fromSchemaName: string;

  beforeAll(async () => {
    migrated = await createTestDatabase();
    fromSchemaName = uniqueDatabaseName("fairshift_from_schema");
    await createDatabase(inject("testServerAdminUrl"), fromSchemaName);
  });

  afterAll(async () => {
    await migrated.drop();
    await dropDatabase(inject("testServerAdminUrl"), fromSchemaName);
  });

  it("build exactly the schema in prisma/schema.prisma (no forgotten migration)", async () => {
    const fromSchemaUrl = databaseUrlFor(inject("testServerAdminUrl"), fromSchemaName);
    const diff = spawnSync(
      process.execPath,
      [
        require.resolve("prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      {
        encoding: "utf8",
        env: { ...process.env, ...OFFLINE_TOOL_ENVIRONMENT, DATABASE_URL: fromSchemaUrl },
      },
    );
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    await client.query(diff.stdout);
    for (const statement of [...HAND_WRITTEN_SQL, ...handWrittenBlocks()]) {
      await client.query(statement);
    }
    await client.end();

    expect(await snapshotCatalog(migrated.url)).toEqual(await snapshotCatalog(fromSchemaUrl));
  });

  it("report a migration that fails instead of waiting or claiming success", async () => {
    const name = uniqueDatabaseName("fairshift_conflict");
    const adminUrl = inject("testServerAdminUrl");
    await createDatabase(adminUrl, name);
    const url = databaseUrlFor(adminUrl, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE people (id int)"); // a schema Prisma did not create: deploy must refuse
    await client.end();
    try {
      await expect(runMigrations(url)).rejects.toThrow(
        /prisma migrate deploy failed \(exit 1\)[\s\S]*P3005/,
      );
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });

  it("index the big tables by scope key, then time", async () => {
    const { indexes } = await snapshotCatalog(migrated.url);
    const expected = [
      "pages_person_id_at_idx ON public.pages USING btree (person_id, at)",
      "incidents_service_id_created_at_idx ON public.incidents USING btree (service_id, created_at)",
      "incident_teams_team_id_incident_created_at_idx ON public.incident_teams USING btree (team_id, incident_created_at)",
      "on_call_shifts_person_id_start_at_idx ON public.on_call_shifts USING btree (person_id, start_at)",
      "incident_log_entries_incident_id_at_idx ON public.incident_log_entries USING btree (incident_id, at)",
    ];
    for (const index of expected) expect(indexes.some((line) => line.endsWith(index))).toBe(true);
  });

  it("have natural unique keys on PagerDuty ids so imports can upsert", async () => {
    const { indexes } = await snapshotCatalog(migrated.url);
    for (const table of [
      "people",
      "teams",
      "services",
      "schedules",
      "escalation_policies",
      "incidents",
      "incident_log_entries",
    ]) {
      expect(indexes).toContain(
        `CREATE UNIQUE INDEX ${table}_pagerduty_id_key ON public.${table} USING btree (pagerduty_id)`,
      );
    }
    expect(indexes).toContain(
      "CREATE UNIQUE INDEX on_call_shifts_source_key_key ON public.on_call_shifts USING btree (source_key)",
    );
    expect(indexes).toContain(
      "CREATE UNIQUE INDEX pages_log_entry_id_key ON public.pages USING btree (log_entry_id)",
    );
  });
});
