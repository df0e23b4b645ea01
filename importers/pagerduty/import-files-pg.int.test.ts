import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/server/database/prisma-client";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { type BatchSummary, importFiles } from "./import-files";
import { COPY_MIN_ROWS } from "./load/row-source";

const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures/pagerduty");
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

// A legacy Reports CSV with one row whose date PagerDuty never writes (line 3).
const LEGACY_CSV = [
  "id,incident_number,description,service_name,service_id,team_name,team_id,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,urgency",
  "Q2AAAAAAAAAAAA,201,Checkout down,Checkout API,PSVC001,Payments,PTEAM01,2026-03-07T13:00:00Z,2026-03-07T14:30:00Z,300,5400,high",
  "Q2BBBBBBBBBBBB,202,Bad date,Search,PSVC002,Discovery,PTEAM02,31/02/2026 10:00,,,,low",
  'Q2CCCCCCCCCCCC,203,"Login errors, EU",Identity,PSVC003,Payments,PTEAM01,2026-03-30T09:00:00Z,2026-03-30T09:45:00Z,60,2700,high',
].join("\n");

let directory: string;

function batch(): string[] {
  return [
    fixture("rest-api/devlake/_raw_pagerduty_incidents.csv"),
    fixture("rest-api/port-ocean/users/a.json"),
    fixture("rest-api/openapi-examples/GET_users.json"),
    fixture("rest-api/openapi-examples/GET_log_entries.json"),
    fixture("rest-api/port-ocean/oncalls/a.json"),
    path.join(directory, "legacy.csv"),
  ];
}

/** What a person would compare: the files' outcomes and the rows written, without run ids and clocks. */
function outcomeOf(summary: BatchSummary) {
  return {
    files: summary.files.map((file) => ({
      file: path.basename(file.fileName),
      format: file.format,
      status: file.status,
      totals: file.totals,
      byKind: file.byKind,
      rejected: file.rejected,
      firstRejections: file.firstRejections,
      rowsRead: file.rowsRead,
    })),
    derived: summary.derived,
  };
}

async function rowsOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (text: string) => (await client.query(text)).rows;
    return {
      incidents:
        await query(`SELECT pagerduty_id, number, title, status, created_at, acknowledged_at,
        resolved_at, is_placeholder, trigger_channel, detection_source, raw FROM incidents ORDER BY pagerduty_id`),
      logEntries: await query(`SELECT e.pagerduty_id, i.pagerduty_id AS incident, e.type, e.at,
        p.name AS person, e.notification_type FROM incident_log_entries e
        JOIN incidents i ON i.id = e.incident_id LEFT JOIN people p ON p.id = e.person_id
        ORDER BY e.pagerduty_id`),
      pages:
        await query(`SELECT p.at, p.channel, pe.name FROM pages p JOIN people pe ON pe.id = p.person_id
        ORDER BY p.at, pe.name`),
      people: await query(
        "SELECT pagerduty_id, name, email FROM people ORDER BY pagerduty_id, name",
      ),
      rejected: await query(
        "SELECT file_name, line_number, reason FROM rejected_rows ORDER BY line_number",
      ),
    };
  } finally {
    await client.end();
  }
}

describe("importing files on a pg connection of their own (databaseUrl)", () => {
  const databases: TestDatabase[] = [];
  const clients: PrismaClient[] = [];
  let throughPrisma: { url: string; db: PrismaClient };
  let throughPg: { url: string; db: PrismaClient };

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "fairshift-import-pg-"));
    await writeFile(path.join(directory, "legacy.csv"), LEGACY_CSV);
    for (let index = 0; index < 2; index += 1) {
      const database = await createTestDatabase();
      databases.push(database);
      clients.push(createPrismaClient(database.url));
    }
    throughPrisma = { url: databases[0]?.url ?? "", db: clients[0] as PrismaClient };
    throughPg = { url: databases[1]?.url ?? "", db: clients[1] as PrismaClient };
  });

  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    for (const database of databases) await database.drop();
  });

  it("writes the same rows, counts and rejections as the Prisma transaction", async () => {
    const options = { format: "auto" as const, timeZone: null, isDryRun: false };
    const viaPrisma = await importFiles(throughPrisma.db, batch(), options);
    const viaPg = await importFiles(throughPg.db, batch(), {
      ...options,
      databaseUrl: throughPg.url,
    });
    expect(outcomeOf(viaPg)).toEqual(outcomeOf(viaPrisma));
    const legacy = viaPg.files.at(-1);
    expect(legacy).toMatchObject({ status: "succeeded", rejected: 1 });
    expect(legacy?.byKind.incident).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(legacy?.firstRejections[0]?.line).toBe(3);
    expect(await rowsOf(throughPg.url)).toEqual(await rowsOf(throughPrisma.url));
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await rowsOf(throughPg.url);
    const again = await importFiles(throughPg.db, batch(), {
      format: "auto",
      timeZone: null,
      isDryRun: false,
      databaseUrl: throughPg.url,
    });
    for (const file of again.files) {
      expect(file.totals, file.fileName).toMatchObject({ inserted: 0, updated: 0 });
    }
    const after = await rowsOf(throughPg.url);
    // The bad row is rejected again, in the new run: one more rejected row, nothing else.
    expect(after.rejected).toHaveLength(before.rejected.length + 1);
    expect({ ...after, rejected: [] }).toEqual({ ...before, rejected: [] });
  });

  it("writes nothing in a dry run", async () => {
    const before = await rowsOf(throughPg.url);
    const dryRun = await importFiles(throughPg.db, [path.join(directory, "legacy.csv")], {
      format: "auto",
      timeZone: null,
      isDryRun: true,
      databaseUrl: throughPg.url,
    });
    expect(dryRun.files[0]).toMatchObject({ status: "dry_run", rejected: 1 });
    expect(await rowsOf(throughPg.url)).toEqual(before);
  });
});

/**
 * Past COPY_MIN_ROWS a pg connection writes incidents through COPY into a temporary table: titles
 * with a backslash, a tab, a line break, quotes and non-ASCII text must arrive as they were read.
 */
const AWKWARD_TITLES = [
  String.raw`Disk C:\data full`,
  "Tab\tinside",
  "Two\nlines",
  'Quoted "primary" down',
  "Ünïcödé 🚨 ошибка",
  String.raw`Ends with a backslash \\`,
];

function largeCsv(rows: number): string {
  const titles = AWKWARD_TITLES;
  const lines = [
    "id,incident_number,description,service_name,service_id,team_name,team_id,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,urgency",
  ];
  for (let index = 0; index < rows; index += 1) {
    const title = titles[index % titles.length] ?? "";
    const minute = String(index % 60).padStart(2, "0");
    lines.push(
      `Q3${String(index).padStart(12, "0")},${1000 + index},"${title.replaceAll('"', '""')}",Checkout API,PSVC001,Payments,PTEAM01,2026-03-07T13:${minute}:00Z,,${index === 0 ? "" : 60},,high`,
    );
  }
  return lines.join("\n");
}

describe("a batch large enough to be COPYed", () => {
  const databases: TestDatabase[] = [];
  const clients: PrismaClient[] = [];

  beforeAll(async () => {
    for (let index = 0; index < 2; index += 1) {
      const database = await createTestDatabase();
      databases.push(database);
      clients.push(createPrismaClient(database.url));
    }
  });

  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    for (const database of databases) await database.drop();
  });

  it("stores the same incidents as the Prisma transaction, special characters included", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "fairshift-import-copy-"));
    const file = path.join(folder, "large.csv");
    await writeFile(file, largeCsv(COPY_MIN_ROWS + 50));
    const options = { format: "auto" as const, timeZone: null, isDryRun: false };
    const [prismaDb, pgDb] = clients as [PrismaClient, PrismaClient];
    const viaPrisma = await importFiles(prismaDb, [file], options);
    const viaPg = await importFiles(pgDb, [file], { ...options, databaseUrl: databases[1]?.url });
    expect(viaPg.files[0]?.byKind.incident).toEqual({
      inserted: COPY_MIN_ROWS + 50,
      updated: 0,
      unchanged: 0,
    });
    expect(outcomeOf(viaPg)).toEqual(outcomeOf(viaPrisma));
    const pgRows = await rowsOf(databases[1]?.url ?? "");
    expect(pgRows).toEqual(await rowsOf(databases[0]?.url ?? ""));
    expect(pgRows.incidents.map((incident) => incident.title).slice(0, 6)).toEqual(AWKWARD_TITLES);
    expect(pgRows.incidents[2]?.raw).toMatchObject({ description: "Two\nlines" });
  });
});
