import type { BenchScale, SeedRecord } from "./bench-database";
import { BENCH_RANGE, formatBytes, type ReportResult } from "./bench-report";
import type { WebhookBenchResult, WebhookScenarioResult } from "./bench-webhooks";

export const START_MARKER = "<!-- bench:report:start -->";
export const END_MARKER = "<!-- bench:report:end -->";

const SCALE_ORDER: readonly string[] = ["demo", "small", "large"];
const SEED_HEADER = ["Scale", "Seed (of which accruals)", "Seed peak RSS", "Database", "Seeded"];
const REPORT_HEADER = [
  "Scale",
  "Scope",
  "People",
  "Incidents",
  "Nothing kept",
  "Rollups kept: median / max",
  "Peak RSS, max",
  "JSON output",
  "Runs",
  "Measured",
];

export interface BenchResults {
  seeds: SeedRecord[];
  reports: ReportResult[];
  /** "2 cores, 24 GiB". */
  machine: string;
  startupSeconds: number | null;
}

const day = (iso: string) => iso.slice(0, 10);
/** "3 min 0 s" for 179.6 s: rounded to whole seconds first, so a minute never shows 60 s. */
export function minutesText(value: number): string {
  const whole = Math.round(value);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

const seconds = (value: number) =>
  value >= 60 ? minutesText(value) : `${value.toFixed(value < 10 ? 2 : 1)} s`;
const count = (value: number) => value.toLocaleString("en");

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function maxOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.max(...known);
}

export function seedRow(record: SeedRecord): string[] {
  const accruals = record.accrualSeconds === null ? "" : ` (${seconds(record.accrualSeconds)})`;
  return [
    record.scale,
    `${seconds(record.seedSeconds)}${accruals}`,
    formatBytes(record.peakRssBytes),
    formatBytes(record.databaseBytes),
    day(record.seededAt),
  ];
}

export function reportRow(result: ReportResult, machine: string): string[] {
  return [
    result.scale,
    result.scope,
    count(result.people),
    count(result.incidents),
    seconds(result.coldSeconds),
    `${seconds(median(result.wallSeconds))} / ${seconds(Math.max(...result.wallSeconds))}`,
    formatBytes(maxOf(result.peakRssBytes)),
    formatBytes(result.outputBytes),
    String(result.wallSeconds.length),
    `${day(result.measuredAt)}, ${machine}`,
  ];
}

/** A padded markdown table, like the hand-written ones above it. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

/** Rows of the table with this header in an earlier block, for the scales this run did not measure. */
function keptRows(
  previousBlock: string,
  header: readonly string[],
  measured: ReadonlySet<BenchScale>,
): string[][] {
  const lines = previousBlock.split("\n");
  const start = lines.findIndex(
    (line) => cellsOf(line)?.[0] === header[0] && line.includes(header[1] ?? ""),
  );
  if (start === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    const cells = cellsOf(line);
    if (cells === null) break;
    if (cells.length === header.length && !measured.has(cells[0] as BenchScale)) rows.push(cells);
  }
  return rows;
}

function cellsOf(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|") || !trimmed.endsWith("|")) return null;
  return trimmed
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.trim());
}

function byScale(left: string[], right: string[]): number {
  return SCALE_ORDER.indexOf(left[0] ?? "") - SCALE_ORDER.indexOf(right[0] ?? "");
}

/** The generated block: this run's scales, plus the rows of other scales from the previous block. */
export function renderBlock(results: BenchResults, previousBlock = ""): string {
  const measured = new Set<BenchScale>([
    ...results.seeds.map((seed) => seed.scale),
    ...results.reports.map((report) => report.scale),
  ]);
  const seedRows = [
    ...keptRows(previousBlock, SEED_HEADER, measured),
    ...results.seeds.map(seedRow),
  ].sort(byScale);
  // A stable sort keeps "all teams" before "team Payments" within a scale.
  const reportRows = [
    ...keptRows(previousBlock, REPORT_HEADER, measured),
    ...results.reports.map((result) => reportRow(result, results.machine)),
  ].sort(byScale);
  const startup =
    results.startupSeconds === null
      ? []
      : [
          "",
          `Node and CLI start-up alone (\`fairshift --help\`): ${seconds(results.startupSeconds)}, ` +
            `part of every report's wall time above (${day(new Date().toISOString())}, ${results.machine}).`,
        ];
  return [
    "<!-- Written by `npm run bench -- --write` (bench/); edit the script, not this block. -->",
    "",
    markdownTable(SEED_HEADER, seedRows),
    "",
    `\`fairshift report --from ${BENCH_RANGE.from} --to ${BENCH_RANGE.to} --tz ${BENCH_RANGE.timeZone} --format json\`, ` +
      "each run a fresh child process:",
    "",
    markdownTable(REPORT_HEADER, reportRows),
    ...startup,
  ].join("\n");
}

/** The document with its generated block replaced, or a "Metrics report" section appended. */
export function replaceBlock(document: string, results: BenchResults): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    const block = renderBlock(results);
    return `${document.trimEnd()}\n\n## Metrics report\n\n${START_MARKER}\n${block}\n${END_MARKER}\n`;
  }
  const previous = document.slice(start + START_MARKER.length, end);
  const block = renderBlock(results, previous);
  return `${document.slice(0, start)}${START_MARKER}\n${block}\n${document.slice(end)}`;
}

export const WEBHOOK_START_MARKER = "<!-- bench:webhooks:start -->";
export const WEBHOOK_END_MARKER = "<!-- bench:webhooks:end -->";

const milliseconds = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** The webhook receiver's figures, one column per load pattern, with "nothing lost" checked. */
export function renderWebhookBlock(result: WebhookBenchResult, machine: string): string {
  const columns = result.scenarios;
  const row = (label: string, cell: (scenario: WebhookScenarioResult) => string) => [
    label,
    ...columns.map(cell),
  ];
  const spread = (figures: { p50: number; p99: number; max: number }) =>
    `${milliseconds(figures.p50)} / ${milliseconds(figures.p99)} / ${milliseconds(figures.max)}`;
  const rows = [
    row("Incidents", (scenario) => count(scenario.scenario.incidents)),
    row(
      "Deliveries (events + retries)",
      (scenario) =>
        `${count(scenario.deliveries)} (${count(scenario.uniqueEvents)} + ${count(scenario.deliveries - scenario.uniqueEvents)})`,
    ),
    row("Answered, sustained", (scenario) => `${Math.round(scenario.acceptedPerSecond)}/s`),
    row("Answer latency p50 / p99 / max", (scenario) => spread(scenario.latencyMs)),
    row("Applied, sustained", (scenario) => `${Math.round(scenario.appliedPerSecond)}/s`),
    row("Received → applied p50 / p99 / max", (scenario) => spread(scenario.applyLagMs)),
    row("Nothing lost", (scenario) =>
      scenario.problems.length === 0 ? "yes" : `NO: ${scenario.problems.join("; ")}`,
    ),
  ];
  return [
    "<!-- Written by `npm run bench -- --only webhooks --write` (bench/bench-webhooks.ts). -->",
    "",
    markdownTable(["Webhook receiver", ...columns.map((scenario) => scenario.scenario.name)], rows),
    "",
    `${result.concurrency} concurrent clients; server peak RSS ${formatBytes(result.serverPeakRssBytes)}; ` +
      `"nothing lost" = every delivery stored, every event applied once, every incident resolved ` +
      `and acknowledged (${day(result.measuredAt)}, ${machine}).`,
  ].join("\n");
}

export function replaceWebhookBlock(
  document: string,
  result: WebhookBenchResult,
  machine: string,
): string {
  const block = renderWebhookBlock(result, machine);
  const start = document.indexOf(WEBHOOK_START_MARKER);
  const end = document.indexOf(WEBHOOK_END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    return `${document.trimEnd()}\n\n## Webhook receiver\n\n${WEBHOOK_START_MARKER}\n${block}\n${WEBHOOK_END_MARKER}\n`;
  }
  return `${document.slice(0, start)}${WEBHOOK_START_MARKER}\n${block}\n${document.slice(end)}`;
}

export interface MarkedBlockPlacement {
  /** The section heading written with the markers when the document has none yet, e.g. "## File import". */
  heading: string;
  /** A heading the new section goes before (e.g. "## Webhook receiver"); absent or not found = appended. */
  before?: string;
}

export const startMarkerOf = (name: string) => `<!-- bench:${name}:start -->`;
export const endMarkerOf = (name: string) => `<!-- bench:${name}:end -->`;

/**
 * The document with the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`
 * replaced by `block`. A document without those markers gets them under `placement.heading`,
 * before the `placement.before` heading when it has one, else at the end; without a placement
 * the call throws rather than guess where the block belongs.
 */
export function replaceMarkedBlock(
  document: string,
  name: string,
  block: string,
  placement?: MarkedBlockPlacement,
): string {
  const startMarker = startMarkerOf(name);
  const endMarker = endMarkerOf(name);
  const start = document.indexOf(startMarker);
  const end = document.indexOf(endMarker);
  if (start !== -1 && end > start) {
    return `${document.slice(0, start)}${startMarker}\n${block}\n${document.slice(end)}`;
  }
  if (placement === undefined) {
    throw new Error(`the document has no ${startMarker} … ${endMarker} block to replace`);
  }
  const section = `${placement.heading}\n\n${startMarker}\n${block}\n${endMarker}\n`;
  const beforeAt = placement.before === undefined ? -1 : headingIndex(document, placement.before);
  if (beforeAt === -1) return `${document.trimEnd()}\n\n${section}`;
  return `${document.slice(0, beforeAt)}${section}\n${document.slice(beforeAt)}`;
}

/** Where a line that is exactly this heading starts, or -1. */
function headingIndex(document: string, heading: string): number {
  if (document.startsWith(`${heading}\n`)) return 0;
  const at = document.indexOf(`\n${heading}\n`);
  return at === -1 ? -1 : at + 1;
}
