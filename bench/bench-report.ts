import fs from "node:fs/promises";
import path from "node:path";
import type { Report } from "@/lib/shared/report";
import type { BenchScale } from "./bench-database";
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
 * Runs `fairshift report` for the bench quarter `runs` times in child processes, each from a cold
 * Node (start-up, tsx and Prisma client included, as a person running the CLI would see it).
 */
export async function benchReport(options: ReportRunOptions): Promise<ReportResult> {
  const { scale, scenario } = options;
  const wallSeconds: number[] = [];
  const peakRssBytes: (number | null)[] = [];
  const outputPath = path.join(
    options.temporaryDirectory,
    `report-${scale}-${scenario.scope.replace(/\W+/g, "-")}.json`,
  );
  let outputBytes = 0;
  for (let run = 1; run <= options.runs; run++) {
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
    if (run > 1 && size !== outputBytes) {
      options.log(`  note: run ${run} wrote ${size} bytes, run 1 wrote ${outputBytes}`);
    }
    outputBytes = size;
    wallSeconds.push(measurement.wallMs / 1000);
    peakRssBytes.push(measurement.peakRssBytes);
    options.log(
      `  ${scale}, ${scenario.scope}, run ${run}/${options.runs}: ${(measurement.wallMs / 1000).toFixed(2)} s, ` +
        `peak RSS ${formatBytes(measurement.peakRssBytes)}`,
    );
  }
  const report = JSON.parse(await fs.readFile(outputPath, "utf8")) as Report;
  return {
    scale,
    scope: scenario.scope,
    wallSeconds,
    peakRssBytes,
    outputBytes,
    people: report.people.length,
    incidents: report.incidents.count,
    measuredAt: new Date().toISOString(),
  };
}

/** Decimal units, like `du --si`: kB below a megabyte, GB from a gigabyte. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "n/a";
  if (bytes >= 10 ** 9) return `${(bytes / 10 ** 9).toFixed(2)} GB`;
  if (bytes >= 10 ** 6) return `${(bytes / 10 ** 6).toFixed(bytes >= 10 ** 7 ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1000)} kB`;
}
