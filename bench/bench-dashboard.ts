/**
 * The dashboard on the `large` seed: how long the quarterly review takes to reach the screen, and
 * each dashboard API call, for the whole organisation and for one team's quarter. Runs the
 * production server (`next start`) on the bench's seeded database and measures over loopback.
 * First paint is measured in Debian's Chromium (Playwright) when it is installed.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ensureNextBuild } from "@/lib/server/runtime/ensure-next-build";
import { findFreePort } from "@/lib/server/runtime/ports";
import { serveNext } from "@/lib/server/runtime/serve-next";
import { withClient } from "@/lib/server/testing/test-server";
import { type BenchSession, signInBenchAdmin } from "./bench-account";
import { markdownTable } from "./benchmarks-doc";

export const DASHBOARD_START_MARKER = "<!-- bench:dashboard:start -->";
export const DASHBOARD_END_MARKER = "<!-- bench:dashboard:end -->";

const QUARTER = "from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm";
// The review compares with the quarter before, whose report it fetches beside the quarter's.
const PREVIOUS_QUARTER = "from=2026-04-01&to=2026-07-01&tz=Europe/Stockholm";
const TEAM = "Payments";

export interface DashboardBenchOptions {
  repositoryRoot: string;
  databaseUrl: string;
  runs: number;
  logFile: string;
  log: (message: string) => void;
}

export interface TimedRequest {
  name: string;
  scope: "organisation" | "team";
  /** Target at p95 from the benchmarks issue, in ms. */
  targetMs: number;
  milliseconds: number[];
  /** The same request with no rollups kept (everything computed from the incidents): the baseline. */
  coldMs: number;
  bytes: number;
}

export interface FirstPaint {
  scope: "organisation" | "team";
  /** The incident tiles on screen in the first run, with no rollups kept. */
  coldTilesVisibleMs: number;
  /** Browser: first contentful paint, and the incident tiles on screen (server-rendered). */
  firstContentfulPaintMs: number[];
  tilesVisibleMs: number[];
  /** Browser: the people tiles filled in (the per-person report, fetched after the paint). */
  peopleTilesMs: number[];
  /** The people tiles filled in the first run, with no person summaries kept. */
  coldPeopleTilesMs: number;
}

export interface DashboardBenchResult {
  requests: TimedRequest[];
  firstPaints: FirstPaint[];
  measuredAt: string;
}

const withTeam = (query: string, scope: "organisation" | "team") =>
  scope === "team" ? `${query}&team=${TEAM}` : query;

function requestsFor(
  scope: "organisation" | "team",
): Omit<TimedRequest, "milliseconds" | "coldMs" | "bytes">[] {
  const apiTarget = scope === "team" ? 300 : 1000;
  const list = [
    { name: "GET / (quarterly review HTML, server-rendered)", targetMs: 1500 },
    { name: "GET /api/metrics/incidents", targetMs: apiTarget },
    { name: "GET /api/metrics/series (8 quarters, monthly)", targetMs: apiTarget },
    { name: "GET /api/metrics/breakdown?by=team", targetMs: apiTarget },
    { name: "GET /api/metrics/breakdown?by=service", targetMs: apiTarget },
    { name: "GET /api/incidents (first page)", targetMs: apiTarget },
    { name: "GET /api/report (people, fairness, noise)", targetMs: apiTarget },
  ];
  if (scope === "team")
    list.push({ name: "GET /api/metrics/interruption-heatmap", targetMs: apiTarget });
  return list.map((request) => ({ ...request, scope }));
}

function urlOf(name: string, scope: "organisation" | "team"): string {
  const query = withTeam(QUARTER, scope);
  if (name.startsWith("GET / ")) return `/?${query}`;
  if (name.includes("series"))
    return `/api/metrics/series?${withTeam("from=2024-10-01&to=2026-10-01&tz=Europe/Stockholm", scope)}&interval=month`;
  if (name.includes("by=team")) return `/api/metrics/breakdown?${query}&by=team`;
  if (name.includes("by=service")) return `/api/metrics/breakdown?${query}&by=service`;
  const path = name.split(" ")[1]?.split("?")[0] ?? "/";
  return `${path}?${query}`;
}

async function timeRequest(
  baseUrl: string,
  url: string,
  session: BenchSession,
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  // Not following redirects: a page that sends the bench to /sign-in must fail, not be timed.
  const response = await fetch(`${baseUrl}${url}`, {
    headers: { cookie: session.cookie },
    redirect: "manual",
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms, bytes: body.byteLength };
}

async function measureFirstPaint(
  baseUrl: string,
  session: BenchSession,
  scope: "organisation" | "team",
  runs: number,
  log: (message: string) => void,
): Promise<FirstPaint | null> {
  let chromium: typeof import("@playwright/test").chromium;
  try {
    ({ chromium } = await import("@playwright/test"));
  } catch {
    log("dashboard: @playwright/test is not installed; first paint not measured");
    return null;
  }
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    })
    .catch(() => null);
  if (!browser) {
    log(
      "dashboard: Chromium is not installed (apt-get install chromium); first paint not measured",
    );
    return null;
  }
  const result: FirstPaint = {
    scope,
    coldTilesVisibleMs: Number.NaN,
    coldPeopleTilesMs: Number.NaN,
    firstContentfulPaintMs: [],
    tilesVisibleMs: [],
    peopleTilesMs: [],
  };
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies(session.cookies);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${baseUrl}${urlOf("GET / ", scope)}`, { waitUntil: "commit" });
      await page.getByTestId("tile-incidents-value").waitFor({ timeout: 120_000 });
      // The first run finds no rollups (the caller forgot them): the baseline, not counted below.
      // The people tiles wait for the per-person report, the slowest call.
      if (run === 0) {
        result.coldTilesVisibleMs = performance.now() - started;
        await page.getByTestId("tile-wakeups-value").waitFor({ timeout: 600_000 });
        result.coldPeopleTilesMs = performance.now() - started;
        await context.close();
        // The previous quarter's report, which the page also asked for, may still be computing:
        // wait for it, so the runs below do not share the machine with it.
        await timeRequest(baseUrl, `/api/report?${withTeam(PREVIOUS_QUARTER, scope)}`, session);
        continue;
      }
      result.tilesVisibleMs.push(performance.now() - started);
      const paint = await page.evaluate(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      );
      if (paint !== null) result.firstContentfulPaintMs.push(paint);
      await page.getByTestId("tile-wakeups-value").waitFor({ timeout: 600_000 });
      result.peopleTilesMs.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return result;
}

export async function benchDashboard(
  options: DashboardBenchOptions,
): Promise<DashboardBenchResult> {
  const { log } = options;
  log("dashboard: building the dashboard if needed");
  await ensureNextBuild(options.repositoryRoot);
  const port = await findFreePort();
  const server = await serveNext({
    root: options.repositoryRoot,
    port,
    databaseUrl: options.databaseUrl,
    logFile: options.logFile,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const session = await signInBenchAdmin(options.databaseUrl, baseUrl);
    const requests: TimedRequest[] = [];
    const firstPaints: FirstPaint[] = [];
    for (const scope of ["team", "organisation"] as const) {
      for (const request of requestsFor(scope)) {
        const url = urlOf(request.name, scope);
        const runs = options.runs;
        log(`dashboard, ${scope}: ${url} × ${runs} (+1 with no rollups kept, the baseline)`);
        await forgetRollups(options.databaseUrl);
        const cold = await timeRequest(baseUrl, url, session);
        const timed: TimedRequest = { ...request, milliseconds: [], coldMs: cold.ms, bytes: 0 };
        for (let run = 0; run < runs; run += 1) {
          const { ms, bytes } = await timeRequest(baseUrl, url, session);
          timed.milliseconds.push(ms);
          timed.bytes = bytes;
        }
        requests.push(timed);
      }
      log(`dashboard, ${scope}: first paint in Chromium × ${Math.min(options.runs, 3)}`);
      await forgetRollups(options.databaseUrl);
      const paint = await measureFirstPaint(
        baseUrl,
        session,
        scope,
        Math.min(options.runs, 3) + 1,
        log,
      );
      if (paint) firstPaints.push(paint);
    }
    return { requests, firstPaints, measuredAt: new Date().toISOString() };
  } finally {
    await server.stop();
    log(`dashboard: server log in ${path.relative(process.cwd(), options.logFile)}`);
  }
}

/**
 * Drops every kept rollup (incident measures and person summaries) so the next request computes
 * from the incidents and pages, as the first visit after new data does. Only the rollup tables
 * are written; the seeded data is untouched.
 */
async function forgetRollups(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query("TRUNCATE incident_measure_rollups, person_summary_rollups"),
  );
}

/** The p-th percentile (nearest rank) of a list of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const ms = (value: number) =>
  Number.isNaN(value)
    ? "–"
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value)} ms`;

export function renderDashboardBlock(result: DashboardBenchResult, machine: string): string {
  const rows = result.requests.map((request) => {
    const p95 = percentile(request.milliseconds, 95);
    return [
      request.name,
      request.scope === "team" ? `team ${TEAM}` : "whole organisation",
      ms(request.coldMs),
      ms(percentile(request.milliseconds, 50)),
      ms(p95),
      `×${(request.coldMs / p95).toFixed(1)}`,
      `${ms(request.targetMs)}`,
      p95 <= request.targetMs ? "met" : `missed (×${(p95 / request.targetMs).toFixed(1)})`,
      String(request.milliseconds.length),
    ];
  });
  const paintRows = result.firstPaints.map((paint) => [
    paint.scope === "team" ? `team ${TEAM}` : "whole organisation",
    ms(paint.coldTilesVisibleMs),
    ms(percentile(paint.firstContentfulPaintMs, 50)),
    ms(percentile(paint.tilesVisibleMs, 50)),
    "1500 ms",
    percentile(paint.tilesVisibleMs, 50) <= 1500 ? "met" : "missed",
    ms(paint.coldPeopleTilesMs),
    ms(percentile(paint.peopleTilesMs, 50)),
    String(paint.tilesVisibleMs.length),
  ]);
  return [
    "<!-- Written by `npm run bench -- --only dashboard --write` (bench/bench-dashboard.ts). -->",
    "",
    `Quarter 2026-07-01 to 2026-10-01 in Europe/Stockholm on the \`large\` seed; production server, loopback, one request at a time; the baseline is the first request after every rollup was dropped, computed from the incidents (${result.measuredAt.slice(0, 10)}, ${machine}).`,
    "",
    markdownTable(
      [
        "Request",
        "Scope",
        "Baseline: no rollups",
        "p50",
        "p95",
        "Baseline ÷ p95",
        "Target (p95)",
        "Target",
        "Runs",
      ],
      rows,
    ),
    "",
    markdownTable(
      [
        "Quarterly review in Chromium",
        "Baseline: tiles on screen, no rollups",
        "First contentful paint",
        "Incident tiles on screen",
        "Target",
        "Met",
        "Baseline: people tiles, no rollups",
        "People tiles filled",
        "Runs",
      ],
      paintRows,
    ),
  ].join("\n");
}

export function replaceDashboardBlock(document: string, block: string): string {
  const start = document.indexOf(DASHBOARD_START_MARKER);
  const end = document.indexOf(DASHBOARD_END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    return `${document.trimEnd()}\n\n## Dashboard\n\n${DASHBOARD_START_MARKER}\n${block}\n${DASHBOARD_END_MARKER}\n`;
  }
  return `${document.slice(0, start)}${DASHBOARD_START_MARKER}\n${block}\n${document.slice(end)}`;
}
