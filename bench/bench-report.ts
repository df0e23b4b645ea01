import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Report } from "@/lib/shared/report";
import type { BenchScale } from "./bench-database";
import { markdownTable } from "./benchmarks-doc";
import { measureProcess } from "./measure-process";

/** The quarter every run measures, read in the zone of the product's first customers. */
export const BENCH_RANGE = { from: "2026-07-01", to: "2026-10-01", timeZone: "Europe/Stockholm" };

export interface ReportScenario {
  /** "all teams" or "team Payments". */
  scope: string;
  extraArgs: string[];
}

export const REPORT_SCENARIOS: readonly ReportScenario[] = [
  { scope: "all teams", extraArgs: [] },
  { scope: "team Payments", extraArgs: ["--team", "Payments"] },
];

export interface ReportResult {
  scale: BenchScale;
  scope: string;
  /** The first run, after every kept rollup was dropped: computed from the pages and incidents. */
  coldSeconds: number;
  /** The runs after it, reading what the first run kept. */
  wallSeconds: number[];
  peakRssBytes: (number | null)[];
  outputBytes: number;
  people: number;
  incidents: number;
  measuredAt: string;
}

export interface ReportRunOptions {
  bin: string;
  databaseUrl: string;
  scale: BenchScale;
  scenario: ReportScenario;
  runs: number;
  temporaryDirectory: string;
  /** Node flags for the child, e.g. --cpu-prof. */
  nodeFlags?: string[];
  log: (message: string) => void;
}

function reportArgs(bin: string, scenario: ReportScenario): string[] {
  return [
    bin,
    "report",
    "--from",
    BENCH_RANGE.from,
    "--to",
    BENCH_RANGE.to,
    "--tz",
    BENCH_RANGE.timeZone,
    "--format",
    "json",
    ...scenario.extraArgs,
  ];
}

/**
 * Runs `fairshift report` for the bench quarter in child processes, each from a cold Node
 * (start-up, tsx and Prisma client included, as a person running the CLI would see it): once
 * with no rollups kept (every incident measure and person summary computed, the first report after
 * new data), then `runs` times reading what that run kept.
 */
export async function benchReport(options: ReportRunOptions): Promise<ReportResult> {
  const { scale, scenario } = options;
  await forgetKeptResults(options.databaseUrl);
  let coldSeconds = Number.NaN;
  const wallSeconds: number[] = [];
  const peakRssBytes: (number | null)[] = [];
  const outputPath = path.join(
    options.temporaryDirectory,
    `report-${scale}-${scenario.scope.replace(/\W+/g, "-")}.json`,
  );
  let outputBytes = 0;
  for (let run = 0; run <= options.runs; run++) {
    const stderr: string[] = [];
    const measurement = await measureProcess({
      command: process.execPath,
      args: [...(options.nodeFlags ?? []), ...reportArgs(options.bin, scenario)],
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      stdoutPath: outputPath,
      onStderrLine: (line) => stderr.push(line),
    });
    if (measurement.exitCode !== 0) {
      throw new Error(
        `fairshift report (${scale}, ${scenario.scope}) failed (exit ${measurement.exitCode ?? measurement.signal}):\n${stderr.slice(-20).join("\n")}`,
      );
    }
    const size = (await fs.stat(outputPath)).size;
    if (run > 0 && size !== outputBytes) {
      options.log(`  note: run ${run} wrote ${size} bytes, the first run wrote ${outputBytes}`);
    }
    outputBytes = size;
    if (run === 0) coldSeconds = measurement.wallMs / 1000;
    else wallSeconds.push(measurement.wallMs / 1000);
    peakRssBytes.push(measurement.peakRssBytes);
    options.log(
      `  ${scale}, ${scenario.scope}, ${run === 0 ? "nothing kept" : `run ${run}/${options.runs}`}: ${(measurement.wallMs / 1000).toFixed(2)} s, ` +
        `peak RSS ${formatBytes(measurement.peakRssBytes)}`,
    );
  }
  const report = JSON.parse(await fs.readFile(outputPath, "utf8")) as Report;
  return {
    scale,
    scope: scenario.scope,
    coldSeconds,
    wallSeconds,
    peakRssBytes,
    outputBytes,
    people: report.people.length,
    incidents: report.incidents.count,
    measuredAt: new Date().toISOString(),
  };
}

/** Drops the kept incident measures and person summaries; the seeded data is untouched. */
async function forgetKeptResults(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("TRUNCATE incident_measure_rollups, person_summary_rollups");
  } finally {
    await client.end();
  }
}

/** Decimal units, like `du --si`: kB below a megabyte, GB from a gigabyte. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "n/a";
  if (bytes >= 10 ** 9) return `${(bytes / 10 ** 9).toFixed(2)} GB`;
  if (bytes >= 10 ** 6) return `${(bytes / 10 ** 6).toFixed(bytes >= 10 ** 7 ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1000)} kB`;
}

/** Targets of issue 8 for a whole-organisation and a one-team quarter (dashboard p95). */
export const REPORT_TARGET_SECONDS: Readonly<Record<string, number>> = {
  "all teams": 1,
  "team Payments": 0.3,
};

export interface ReportReadBaseline {
  scale: BenchScale;
  scope: string;
  /** Wall time of COPY … TO STDOUT of every row the report reads per person, median of runs. */
  seconds: number;
  rows: number;
  bytes: number;
}

// The report's window for the bench quarter (summarisePeople with the default settings): pages
// from one call-out chain window (60 min) before the range, shifts from a week before it, the
// ledger up to its end. Stockholm is at +02:00 on both dates.
const READ_WINDOW = {
  pagesFrom: "2026-06-30T21:00:00Z",
  shiftsFrom: "2026-06-23T22:00:00Z",
  start: "2026-06-30T22:00:00Z",
  end: "2026-09-30T22:00:00Z",
};

/**
 * The statement the baseline copies out: the report's people (a page or a shift in the range,
 * of the team when there is one) and, for them, the interrupting pages with their incident's
 * resolve, the shifts and the ledger lines, the rows `listPersonSlices` reads. Built from
 * constants and a literal escaped by pg, since COPY takes no parameters.
 */
function readStatement(client: pg.Client, scenario: ReportScenario): string {
  const teamIndex = scenario.extraArgs.indexOf("--team");
  const team = teamIndex === -1 ? null : scenario.extraArgs[teamIndex + 1];
  const { pagesFrom, shiftsFrom, start, end } = READ_WINDOW;
  const teamCondition =
    team == null
      ? "TRUE"
      : `EXISTS (SELECT 1 FROM team_memberships m JOIN teams t ON t.id = m.team_id
           WHERE m.person_id = p.id AND lower(t.name) = lower(${client.escapeLiteral(team)}))`;
  return `COPY (
    WITH people AS (
      SELECT p.id FROM people p
      WHERE ${teamCondition}
        AND (EXISTS (SELECT 1 FROM pages pg WHERE pg.person_id = p.id
                       AND pg.at >= '${start}' AND pg.at < '${end}')
          OR EXISTS (SELECT 1 FROM on_call_shifts s WHERE s.person_id = p.id
                       AND s.start_at < '${end}' AND s.end_at > '${start}')))
    SELECT 'p', pg.person_id, pg.at, pg.channel::text, pg.incident_id, i.resolved_at, NULL::text
    FROM pages pg JOIN incidents i ON i.id = pg.incident_id
    WHERE pg.person_id IN (SELECT id FROM people) AND pg.at >= '${pagesFrom}' AND pg.at < '${end}'
      AND pg.channel IN ('phone', 'sms', 'push') AND i.detection_source <> 'test'
    UNION ALL
    SELECT 's', s.person_id, s.start_at, NULL, s.level, s.end_at, NULL
    FROM on_call_shifts s
    WHERE s.person_id IN (SELECT id FROM people) AND s.start_at < '${end}' AND s.end_at > '${shiftsFrom}'
    UNION ALL
    SELECT 'l', e.person_id, e.occurred_at, e.kind::text, e.minutes, e.expires_at, e.status::text
    FROM time_in_lieu_entries e
    WHERE e.person_id IN (SELECT id FROM people) AND e.kind <> 'expiry' AND e.occurred_at < '${end}'
  ) TO STDOUT`;
}

/**
 * The baseline a report is read against: PostgreSQL streaming, as COPY text that nobody parses,
 * the rows the report needs per person. A per-page report cannot be faster than reading its
 * pages, so report ÷ baseline says how much Node adds on top of the data it must see.
 */
export async function benchReportReadBaseline(options: {
  databaseUrl: string;
  scale: BenchScale;
  scenario: ReportScenario;
  runs: number;
}): Promise<ReportReadBaseline> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const times: number[] = [];
    let rows = 0;
    let bytes = 0;
    for (let run = 0; run < options.runs; run++) {
      const started = performance.now();
      const stream = client.query(copyTo(readStatement(client, options.scenario)));
      rows = 0;
      bytes = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows += 1;
      }
      times.push((performance.now() - started) / 1000);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      scale: options.scale,
      scope: options.scenario.scope,
      seconds: sorted[Math.floor(sorted.length / 2)] ?? 0,
      rows,
      bytes,
    };
  } finally {
    await client.end();
  }
}

/**
 * Figure, baseline, ratio and target for each report measured: the report's median wall time
 * (a fresh CLI process, reading kept rollups) against the COPY of the rows it would read with
 * none kept, and against the dashboard target it has to meet as an API call (a warm server saves
 * the CLI's start-up, shown apart). The first run, with nothing kept, is shown beside it.
 */
export function renderReportTargets(
  results: readonly ReportResult[],
  baselines: readonly ReportReadBaseline[],
  startupSeconds: number | null,
): string {
  const rows = results.map((result) => {
    const report = medianOf(result.wallSeconds);
    const baseline = baselines.find(
      (candidate) => candidate.scale === result.scale && candidate.scope === result.scope,
    );
    const target = REPORT_TARGET_SECONDS[result.scope];
    const warm = startupSeconds === null ? report : Math.max(0, report - startupSeconds);
    return [
      result.scale,
      result.scope,
      `${result.coldSeconds.toFixed(2)} s`,
      `${report.toFixed(2)} s`,
      baseline
        ? `${baseline.seconds.toFixed(2)} s (${baseline.rows.toLocaleString("en")} rows)`
        : "n/a",
      baseline && baseline.seconds > 0 ? `×${(report / baseline.seconds).toFixed(1)}` : "n/a",
      target === undefined ? "n/a" : `${target} s`,
      target === undefined
        ? "n/a"
        : warm <= target
          ? "met"
          : `missed (×${(warm / target).toFixed(1)} without start-up)`,
    ];
  });
  return markdownTable(
    [
      "Scale",
      "Scope",
      "Report, nothing kept",
      "Report, rollups kept (median)",
      "Baseline: COPY of its rows",
      "Ratio",
      "Target",
      "Target met",
    ],
    rows,
  );
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
