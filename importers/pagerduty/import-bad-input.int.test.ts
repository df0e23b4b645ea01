import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { importFiles } from "./import-files";

let directory: string;
const file = (name: string) => path.join(directory, name);

// An Insights export: display-name headers, times without an offset (read in --tz), a bad row.
const INSIGHTS_CSV = [
  "Incident ID,Incident Number,Title,Service Name,Team Name,Urgency,Created At,Resolved At,TTA",
  "Q1AAAAAAAAAAAA,101,Checkout down,Checkout API,Payments,high,2026-03-07 14:00:00,2026-03-07 15:30:00,300",
  "Q1BBBBBBBBBBBB,102,Slow search,Search,Discovery,low,2026-03-31 25:00:00,,",
  "",
  'Q1CCCCCCCCCCCC,103,"Login errors, EU",Identity,Payments,high,2026-03-30 09:00:00,2026-03-30 09:45:00,60',
].join("\r\n");

const SHIFTS_CSV = [
  "email,name,schedule,level,start,end",
  "ana@example.com,Ana Lind,Primary,1,2026-03-23T08:00:00+01:00,2026-03-30T08:00:00+02:00",
  "bob@example.com,Bob Berg,Primary,1,2026-03-30T08:00:00+02:00,2026-03-30T07:00:00+02:00",
].join("\n");

describe("bad input: rows rejected with their line, bad files change nothing", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "fairshift-import-"));
    await writeFile(file("insights.csv"), `\uFEFF${INSIGHTS_CSV}`);
    await writeFile(file("shifts.csv"), SHIFTS_CSV);
    await writeFile(
      file("truncated.json"),
      '{"incidents":[{"id":"Q1TRUNCATED","type":"incident","title":"cut',
    );
    await writeFile(file("unknown.csv"), "ticket,opened,closed\nT-1,2026-01-01,2026-01-02\n");
    await writeFile(file("empty.json"), "");
  });

  it("imports the good rows of an Insights CSV and keeps the bad one with its line and reason", async () => {
    const summary = await importFiles(database.db, [file("insights.csv")], {
      format: "auto",
      timeZone: "Europe/Stockholm",
      isDryRun: false,
    });
    const [insights] = summary.files;
    expect(insights).toMatchObject({ format: "pd-insights-csv", status: "succeeded", rejected: 1 });
    expect(insights?.byKind.incident).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(insights?.firstRejections[0]?.line).toBe(3);
    expect(insights?.firstRejections[0]?.reason).toContain("2026-03-31 25:00:00");

    const checkout = await database.db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "Q1AAAAAAAAAAAA" },
      include: { service: true, teams: { include: { team: true } } },
    });
    // 14:00 in Stockholm in winter is 13:00 UTC; TTA 300 s.
    expect(checkout).toMatchObject({
      title: "Checkout down",
      createdAt: new Date("2026-03-07T13:00:00Z"),
      acknowledgedAt: new Date("2026-03-07T13:05:00Z"),
      resolvedAt: new Date("2026-03-07T14:30:00Z"),
      status: "resolved",
    });
    expect(checkout.service?.name).toBe("Checkout API");
    expect(checkout.teams.map((link) => link.team.name)).toEqual(["Payments"]);
    // After the spring change, 09:00 in Stockholm is 07:00 UTC; the quoted comma stays in the title.
    const login = await database.db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "Q1CCCCCCCCCCCC" },
    });
    expect(login).toMatchObject({
      title: "Login errors, EU",
      createdAt: new Date("2026-03-30T07:00:00Z"),
    });
  });

  it("imports shifts named by schedule, rejecting one that ends before it starts", async () => {
    const summary = await importFiles(database.db, [file("shifts.csv")], {
      format: "auto",
      timeZone: null,
      isDryRun: false,
    });
    expect(summary.files[0]).toMatchObject({ format: "shifts-csv", rejected: 1 });
    expect(summary.files[0]?.firstRejections[0]?.line).toBe(3);
    const shift = await database.db.onCallShift.findFirstOrThrow({
      include: { person: true, schedule: true },
    });
    expect(shift.person).toMatchObject({ email: "ana@example.com", name: "Ana Lind" });
    expect(shift.schedule?.name).toBe("Primary");
    // A week across the spring change is 167 hours.
    expect((shift.endAt.getTime() - shift.startAt.getTime()) / 3_600_000).toBe(167);
  });

  it("fails a truncated, unrecognised or empty file with a message and writes nothing from it", async () => {
    const before = await database.db.incident.count();
    const summary = await importFiles(
      database.db,
      [file("truncated.json"), file("unknown.csv"), file("empty.json")],
      { format: "auto", timeZone: null, isDryRun: false },
    );
    expect(summary.files.map((run) => run.status)).toEqual(["failed", "failed", "failed"]);
    expect(summary.files[0]?.errorMessage).toMatch(/truncated/i);
    expect(summary.files[1]?.errorMessage).toContain("--mapping");
    expect(summary.files[2]?.errorMessage).toMatch(/empty/i);
    expect(await database.db.incident.count()).toBe(before);
    const runs = await database.db.importRun.findMany({ where: { status: "failed" } });
    expect(runs).toHaveLength(3);
  });

  it("changes nothing on a dry run or a second import of the same file", async () => {
    const dryRun = await importFiles(database.db, [file("insights.csv")], {
      format: "auto",
      timeZone: "Europe/Stockholm",
      isDryRun: true,
    });
    expect(dryRun.files[0]).toMatchObject({ status: "dry_run", rejected: 1 });
    expect(dryRun.files[0]?.totals).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const again = await importFiles(database.db, [file("insights.csv")], {
      format: "auto",
      timeZone: "Europe/Stockholm",
      isDryRun: false,
    });
    expect(again.files[0]?.totals).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(again.derived?.incidents).toBe(0);
  });
});
