import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";

const bin = path.resolve(import.meta.dirname, "..", "bin", "fairshift.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function fairshift(
  args: string[],
  environment: Record<string, string> = {},
  { throughSlowPipe = false } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A shell pipe into a reader that starts late, as `fairshift report | jq …` can be: the
    // pipe's buffer fills and the command must wait for it to drain before exiting.
    const [file, argv] = throughSlowPipe
      ? ["sh", ["-c", '"$0" "$@" | (sleep 2; cat)', process.execPath, bin, ...args]]
      : [process.execPath, [bin, ...args]];
    const child = spawn(file, argv, {
      env: { ...process.env, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<Row>(sql)).rows[0];
    if (!row) throw new Error(`no row for ${sql}`);
    return row;
  } finally {
    await client.end();
  }
}

// A fingerprint of what the seed wrote: equal fingerprints mean identical incidents and pages.
const FINGERPRINT_SQL = `
  SELECT (SELECT count(*) FROM incidents)::int AS incidents,
         (SELECT count(*) FROM pages)::int AS pages,
         (SELECT md5(string_agg(pagerduty_id || title || created_at::text || coalesce(resolved_at::text, ''), ',' ORDER BY pagerduty_id)) FROM incidents) AS incidents_hash,
         (SELECT md5(string_agg(person_id || ':' || incident_id || ':' || channel || ':' || at::text, ',' ORDER BY id)) FROM pages) AS pages_hash`;

describe("the fairshift command line", () => {
  const database = useTestDatabase();

  it("answers an unknown command with exit code 2 and the usage", async () => {
    const run = await fairshift(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(run.stderr).toContain("Usage: fairshift <command>");
  });

  it("rejects an unknown seed scale with exit code 2, naming the valid ones", async () => {
    const run = await fairshift(["seed", "--scale", "huge"], { DATABASE_URL: database.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/demo.*small.*large/);
  });

  it("says which database it cannot reach, with exit code 1", async () => {
    const run = await fairshift(["db", "migrate"], {
      DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/fairshift",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cannot reach the database at 127.0.0.1:1/fairshift");
    expect(run.stderr).not.toContain("secret");
  });

  it("will not reset a DATABASE_URL database without --yes", async () => {
    const run = await fairshift(["db", "reset"], { DATABASE_URL: database.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Add --yes to confirm");
  });

  it("seeds the demo organisation into DATABASE_URL, refuses to seed twice, and reseeds identically with --reset", async () => {
    const args = ["seed", "--scale", "demo", "--seed", "3", "--until", "2026-10-01"];
    const first = await fairshift(args, { DATABASE_URL: database.url });
    expect(first.stderr).not.toContain("Error");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded \d+ teams, \d+ people/);
    const seeded = await query<{
      incidents: number;
      pages: number;
      incidents_hash: string;
      pages_hash: string;
    }>(database.url, FINGERPRINT_SQL);
    expect(seeded.incidents).toBeGreaterThan(1000);
    expect(seeded.pages).toBeGreaterThan(seeded.incidents);
    expect(first.stdout).toContain(`${seeded.incidents} incidents`);

    const again = await fairshift(args, { DATABASE_URL: database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has data");

    const reset = await fairshift([...args, "--reset"], { DATABASE_URL: database.url });
    expect(reset.code).toBe(0);
    expect(await query(database.url, FINGERPRINT_SQL)).toEqual(seeded);

    const otherSeed = await fairshift(
      ["seed", "--scale", "demo", "--seed", "4", "--until", "2026-10-01", "--reset"],
      { DATABASE_URL: database.url },
    );
    expect(otherSeed.code).toBe(0);
    const different = await query<{ incidents_hash: string }>(database.url, FINGERPRINT_SQL);
    expect(different.incidents_hash).not.toBe(seeded.incidents_hash);
  });

  it("prints the report with every field of PRODUCT.md's JSON contract", async () => {
    const run = await fairshift(
      [
        "report",
        "--from",
        "2026-07-01",
        "--to",
        "2026-10-01",
        "--tz",
        "Europe/Stockholm",
        "--team",
        "Payments",
      ],
      { DATABASE_URL: database.url },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.range).toEqual({
      from: "2026-07-01T00:00:00+02:00",
      to: "2026-10-01T00:00:00+02:00",
      timeZone: "Europe/Stockholm",
    });
    const summary = ["n", "meanSeconds", "medianSeconds", "p90Seconds"];
    for (const metric of ["mttd", "mtta", "mttr"]) {
      expect(Object.keys(report.incidents[metric])).toEqual(expect.arrayContaining(summary));
    }
    expect(Object.keys(report.incidents)).toEqual(
      expect.arrayContaining(["count", "excludedTests", "mttd", "mtta", "mttr"]),
    );
    expect(Object.keys(report.detection)).toEqual(
      expect.arrayContaining([
        "monitoring",
        "customer",
        "staff",
        "unknown",
        "test",
        "customerFirstRate",
      ]),
    );
    expect(report.people.length).toBeGreaterThan(0);
    for (const person of report.people) {
      expect(Object.keys(person)).toEqual(
        expect.arrayContaining([
          "email",
          "name",
          "timeZone",
          "interruptions",
          "wakeups",
          "offHoursCallouts",
          "onCall",
          "toil",
          "restBreaches",
          "burnoutRisk",
        ]),
      );
      expect(Object.keys(person.interruptions)).toEqual(
        expect.arrayContaining(["business", "off", "sleep"]),
      );
      expect(Object.keys(person.onCall)).toEqual(
        expect.arrayContaining([
          "hours",
          "offHours",
          "sleepHours",
          "weekendHours",
          "holidayHours",
          "weeks",
          "meanIntervalWeeks",
          "longestStreakWeeks",
        ]),
      );
      expect(Object.keys(person.toil)).toEqual(
        expect.arrayContaining([
          "accruedHours",
          "adjustedHours",
          "claimedHours",
          "expiredHours",
          "owedHours",
        ]),
      );
      expect(["high", "medium", "low"]).toContain(person.burnoutRisk.level);
      expect(Array.isArray(person.burnoutRisk.reasons)).toBe(true);
      expect(person.teams).toEqual(["Payments"]);
    }
    expect(report.teams.map((team: { name: string }) => team.name)).toEqual(["Payments"]);
    expect(Object.keys(report.teams[0].fairness)).toEqual(
      expect.arrayContaining(["onCallHoursGini", "interruptionsGini", "weekendHolidayHoursGini"]),
    );
  });

  it("prints a report longer than a pipe's buffer in full", async () => {
    const run = await fairshift(
      ["report", "--from", "2025-07-01", "--to", "2026-10-01"],
      { DATABASE_URL: database.url },
      { throughSlowPipe: true },
    );
    expect(run.code).toBe(0);
    // Linux pipes hold 64 KiB; exiting before they drain used to cut the JSON off there.
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(run.stdout).people.length).toBeGreaterThan(20);
  });

  it("prints the report as CSV, a row per person and per team", async () => {
    const run = await fairshift(
      [
        "report",
        "--from",
        "2026-07-01",
        "--to",
        "2026-10-01",
        "--team",
        "Payments",
        "--format",
        "csv",
      ],
      { DATABASE_URL: database.url },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^kind,from,to,time_zone_of_report,name,email,time_zone,teams,/);
    expect(lines.filter((line) => line.startsWith("team,"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("person,")).length).toBeGreaterThan(0);
  });

  it("refuses a bad zone, a reversed range or a format it does not know, with exit code 2", async () => {
    const environment = { DATABASE_URL: database.url };
    const zone = await fairshift(["report", "--tz", "Europe/Stockholmm"], environment);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--tz: Unknown time zone "Europe/Stockholmm"');
    const reversed = await fairshift(
      ["report", "--from", "2026-10-01", "--to", "2026-07-01"],
      environment,
    );
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain("--to: must be after from");
    const format = await fairshift(["report", "--format", "xml"], environment);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be json or csv");
  });

  it("reports an unreachable database with exit code 1", async () => {
    const run = await fairshift(["report"], {
      DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/fairshift",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cannot reach the database at 127.0.0.1:1/fairshift");
  });

  it("migrates DATABASE_URL and reports it", async () => {
    const run = await fairshift(["db", "migrate"], { DATABASE_URL: database.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Migrations applied to PostgreSQL at ");
  });
});
