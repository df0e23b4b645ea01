/**
 * `fairshift sync pagerduty` against the fake PagerDuty server on loopback: does the sync use
 * PagerDuty's whole budget of 960 requests a minute, or does Fairshift itself hold it back?
 *
 * The fake account (22,000 incidents) is far larger than any run gets through. Each capped run is
 * the real CLI in a child process (`--api-url` at a fake server of its own, a fresh database),
 * with the production limit of 960/min, which the fake server enforces too, so overshooting
 * shows up as 429s. The server's 2xx answers are counted over a window that starts 10 s after the
 * first request reached it: the CLI's start-up and the rate limiter's initial burst (16 requests)
 * fall before it, and since no 60 s may hold more than 960 starts, a window of 60 s or more
 * cannot be flattered past 960/min. Two capped runs share `--seconds` (default 120: 60 s each):
 * the default first sync (custom fields on: one small request per incident) and
 * `--no-custom-fields` (only pages of 100 objects, each written to PostgreSQL: the write-bound
 * path). The child is then SIGKILLed (a crash the sync must survive anyway; Ctrl-C would first
 * derive facts for what it wrote, minutes of no interest here).
 *
 * Baselines from the same run: the budget (960/min); the fake server's own capacity (tight loops
 * of concurrent plain GETs from another process); and Fairshift's uncapped throughput (the same
 * syncAccount with the limit lifted to 100,000/min, `--uncapped-seconds` each) as the headroom.
 *
 *   node --import tsx bench/bench-sync.ts [--seconds 120] [--uncapped-seconds 20]
 *                                         [--incidents 22000] [--write]
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { FakePagerDutyAccount } from "@/importers/pagerduty/rest/fake-pagerduty-account";
import {
  type FakePagerDutyServer,
  generateFakeAccount,
  startFakePagerDutyServer,
} from "@/importers/pagerduty/rest/fake-pagerduty-server";
import { createPagerDutyClient } from "@/importers/pagerduty/rest/pagerduty-client";
import { syncAccount } from "@/importers/pagerduty/sync-account";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { createDatabase, databaseUrlFor, dropDatabase } from "@/lib/server/testing/test-server";
import { markdownTable } from "./benchmarks-doc";

export const SYNC_START_MARKER = "<!-- bench:sync:start -->";
export const SYNC_END_MARKER = "<!-- bench:sync:end -->";

/** PagerDuty's REST budget per API key. */
export const PAGERDUTY_REQUESTS_PER_MINUTE = 960;
const UNCAPPED_REQUESTS_PER_MINUTE = 100_000;
const TARGET_RATIO = 0.9;
/** Excluded from every window: the CLI's start-up, the limiter's initial burst, JIT warm-up. */
const WARM_UP_MS = 10_000;
const CAPACITY_SECONDS = 5;
const CAPACITY_CONCURRENCY = 16;
const DATABASE = "bench_sync";
const TOKEN = "bench-sync-token";
const ACCOUNT_START = "2025-01-01";
const ACCOUNT_END = "2026-01-01";
const CHILD_FLAG = "--sync-child";
const CAPACITY_FLAG = "--capacity-child";
const TEMPLATE = "bench_sync_template";

export interface SyncBenchOptions {
  repositoryRoot: string;
  adminUrl: string;
  /**
   * Capped measuring time, split evenly between the two capped runs (120 s: 60 s each, so each
   * window still spans a whole minute of PagerDuty's sliding limit), after a 10 s warm-up each.
   */
  seconds: number;
  /** Length of each uncapped window: it only has to show the headroom. */
  uncappedSeconds: number;
  /** Incidents in the fake account (about 8.5 log entries each). */
  incidents: number;
  log: (message: string) => void;
}

export type RequestKind = "per-incident" | "incident pages" | "log entry pages" | "other pages";

export interface SyncRunResult {
  name: string;
  maxRequestsPerMinute: number;
  windowSeconds: number;
  /** 2xx answers within the window, per minute. */
  perMinute: number;
  /** 429s the fake server sent within the window (the client overshot). */
  rateLimited: number;
  byKind: Record<RequestKind, number>;
  /** The sync completed before the window ended (the account was too small to measure). */
  finishedEarly: boolean;
  peakRssBytes: number | null;
}

export interface SyncBenchResult {
  account: { incidents: number; logEntries: number; oncalls: number; fullSyncRequests: number };
  serverCapacityPerMinute: number;
  capped: SyncRunResult[];
  uncapped: SyncRunResult[];
  measuredAt: string;
}

interface Scenario {
  name: string;
  customFields: boolean;
  maxRequestsPerMinute: number;
}

const SCENARIOS = {
  firstSync: { name: "first sync (custom fields)", customFields: true },
  listingsOnly: { name: "first sync, --no-custom-fields", customFields: false },
};

export async function benchSync(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const { log } = options;
  log(`sync: generating a fake account of ${options.incidents.toLocaleString("en")} incidents`);
  const account = generateFakeAccount({
    seed: 1,
    incidents: options.incidents,
    people: 60,
    start: new Date(`${ACCOUNT_START}T00:00:00Z`),
    end: new Date(`${ACCOUNT_END}T00:00:00Z`),
  });
  await dropDatabase(options.adminUrl, TEMPLATE);
  await createDatabase(options.adminUrl, TEMPLATE);
  await runMigrations(databaseUrlFor(options.adminUrl, TEMPLATE));
  const server = await startFakePagerDutyServer({ account, token: TOKEN });
  try {
    const serverCapacityPerMinute = await measureServerCapacity(server, account.incidents).finally(
      () => server.close(),
    );
    log(`sync: fake server answers ${Math.round(serverCapacityPerMinute)} plain requests/min`);
    const capped: SyncRunResult[] = [];
    const uncapped: SyncRunResult[] = [];
    for (const scenario of [SCENARIOS.firstSync, SCENARIOS.listingsOnly]) {
      capped.push(
        await measureSync(account, options, options.seconds / 2, {
          ...scenario,
          maxRequestsPerMinute: PAGERDUTY_REQUESTS_PER_MINUTE,
        }),
      );
    }
    for (const scenario of [SCENARIOS.firstSync, SCENARIOS.listingsOnly]) {
      uncapped.push(
        await measureSync(account, options, options.uncappedSeconds, {
          ...scenario,
          maxRequestsPerMinute: UNCAPPED_REQUESTS_PER_MINUTE,
        }),
      );
    }
    const pages = (count: number) => Math.ceil(count / 100);
    return {
      account: {
        incidents: account.incidents.length,
        logEntries: account.log_entries.length,
        oncalls: account.oncalls.length,
        // Lower bound: one page per 100 objects (more where windows split) plus one per incident.
        fullSyncRequests:
          pages(account.incidents.length) +
          account.incidents.length +
          pages(account.log_entries.length) +
          pages(account.oncalls.length),
      },
      serverCapacityPerMinute,
      capped,
      uncapped,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    await dropDatabase(options.adminUrl, DATABASE);
    await dropDatabase(options.adminUrl, TEMPLATE);
  }
}

/**
 * The fake server's own capacity: tight loops of concurrent GETs of the sync's smallest and
 * largest answers, from a child process like the sync; the slower of the two counts.
 */
async function measureServerCapacity(
  server: FakePagerDutyServer,
  incidents: readonly { id: string }[],
): Promise<number> {
  const ids = incidents.slice(0, 200).map((incident) => incident.id);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), CAPACITY_FLAG, server.url, ids.join(",")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const perMinute = Number(output.trim());
  if (code !== 0 || !Number.isFinite(perMinute)) {
    throw new Error(`sync: the capacity loop failed (exit ${code}): ${output}`);
  }
  return perMinute;
}

/** Child mode: the capacity loops themselves; prints the slower kind's requests per minute. */
async function runCapacityChild([url, idList]: string[]): Promise<void> {
  const ids = (idList ?? "").split(",").filter(Boolean);
  if (!url || ids.length === 0) throw new Error(`${CAPACITY_FLAG} needs a URL and incident ids`);
  const headers = {
    Authorization: `Token token=${TOKEN}`,
    Accept: "application/vnd.pagerduty+json;version=2",
  };
  const logPage = `/log_entries?include[]=channels&is_overview=false&since=${ACCOUNT_START}T00:00:00Z&until=2025-01-31T00:00:00Z&limit=100`;
  const loop = async (target: (index: number) => string): Promise<number> => {
    const deadline = performance.now() + (CAPACITY_SECONDS * 1000) / 2;
    let answered = 0;
    let next = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        const response = await fetch(`${url}${target(next++)}`, { headers });
        await response.arrayBuffer();
        if (response.ok) answered += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CAPACITY_CONCURRENCY }, worker));
    return (answered / (performance.now() - started)) * 60_000;
  };
  // The sync's smallest and largest answers: a custom-fields read, a page of 100 log entries.
  const customFields = await loop(
    (index) => `/incidents/${ids[index % ids.length]}/custom_fields/values`,
  );
  const logPages = await loop((index) => `${logPage}&offset=${(index % 20) * 100}`);
  console.log(String(Math.min(customFields, logPages)));
}

function kindOf(requestPath: string): RequestKind {
  if (requestPath.startsWith("/incidents/")) return "per-incident";
  if (requestPath === "/incidents") return "incident pages";
  if (requestPath === "/log_entries") return "log entry pages";
  return "other pages";
}

async function measureSync(
  account: FakePagerDutyAccount,
  options: SyncBenchOptions,
  seconds: number,
  scenario: Scenario,
): Promise<SyncRunResult> {
  const { log, repositoryRoot } = options;
  const isCapped = scenario.maxRequestsPerMinute === PAGERDUTY_REQUESTS_PER_MINUTE;
  const label = `${scenario.name}, ${isCapped ? "960/min" : "uncapped"}`;
  // A fresh copy of the migrated, empty template: faster than migrating before every run.
  await dropDatabase(options.adminUrl, DATABASE);
  await createDatabase(options.adminUrl, DATABASE, TEMPLATE);
  const databaseUrl = databaseUrlFor(options.adminUrl, DATABASE);
  // A server of its own per run: its 960/min count must not include an earlier run's requests.
  const server = await startFakePagerDutyServer({
    account,
    token: TOKEN,
    faults: isCapped ? { enforceRequestsPerMinute: PAGERDUTY_REQUESTS_PER_MINUTE } : {},
  });
  const range = ["--since", ACCOUNT_START, "--until", ACCOUNT_END];
  const noCustomFields = scenario.customFields ? [] : ["--no-custom-fields"];
  // The CLI has no option for the limit: a lifted one runs the same syncAccount from this file.
  const args = isCapped
    ? [
        path.join(repositoryRoot, "bin", "fairshift.js"),
        "sync",
        "pagerduty",
        "--api-url",
        server.url,
        ...range,
        ...noCustomFields,
      ]
    : [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        CHILD_FLAG,
        String(scenario.maxRequestsPerMinute),
        server.url,
        ...range,
        ...noCustomFields,
      ];
  log(`sync: ${label}, ${seconds} s after a ${WARM_UP_MS / 1000} s warm-up`);
  try {
    const child = await runUntilWindowEnds(server, args, databaseUrl, seconds);
    const { requestLog } = server;
    const start = (requestLog[0]?.receivedAt ?? 0) + WARM_UP_MS;
    const end = start + seconds * 1000;
    const lastAt = requestLog.at(-1)?.receivedAt ?? 0;
    const finishedEarly = child.exitCode === 0 && lastAt < end;
    if (child.exitCode !== 0 && !child.wasStopped) {
      throw new Error(`sync: ${label} failed (exit ${child.exitCode}): ${child.lastLine}`);
    }
    const byKind: Record<RequestKind, number> = {
      "per-incident": 0,
      "incident pages": 0,
      "log entry pages": 0,
      "other pages": 0,
    };
    let answered = 0;
    let rateLimited = 0;
    for (const request of requestLog) {
      if (request.receivedAt < start || request.receivedAt >= end) continue;
      if (request.status === 429) rateLimited += 1;
      if (request.status < 200 || request.status >= 300) continue;
      answered += 1;
      byKind[kindOf(request.path)] += 1;
    }
    const windowMs = finishedEarly ? Math.max(1, lastAt - start) : end - start;
    const result: SyncRunResult = {
      name: scenario.name,
      maxRequestsPerMinute: scenario.maxRequestsPerMinute,
      windowSeconds: windowMs / 1000,
      perMinute: (answered / windowMs) * 60_000,
      rateLimited,
      byKind,
      finishedEarly,
      peakRssBytes: child.peakRssBytes,
    };
    log(
      `sync: ${label}: ${Math.round(result.perMinute)}/min, ${rateLimited} × 429, ` +
        `${JSON.stringify(byKind)}, peak RSS ${formatMegabytes(result.peakRssBytes)}; last: ${child.lastLine}`,
    );
    return result;
  } finally {
    await server.close();
  }
}

interface ChildOutcome {
  exitCode: number | null;
  /** Stopped by this bench at the window's end (SIGKILL: a crash the sync must survive anyway). */
  wasStopped: boolean;
  peakRssBytes: number | null;
  lastLine: string;
}

/**
 * Runs the sync in a child until the window after its first request is over, then kills it.
 * SIGKILL, not Ctrl-C: a stopped sync derives facts for what it wrote, which would only add
 * minutes of waiting here. Peak RSS is the child's own high-water mark (VmHWM), read until the end.
 */
async function runUntilWindowEnds(
  server: FakePagerDutyServer,
  args: string[],
  databaseUrl: string,
  seconds: number,
): Promise<ChildOutcome> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PAGERDUTY_TOKEN: TOKEN },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let lastLine = "";
  createInterface({ input: child.stderr }).on("line", (line) => {
    lastLine = line;
  });
  let peakKib = 0;
  let wasStopped = false;
  const watch = setInterval(() => {
    void readPeakKib(child.pid).then((kib) => {
      peakKib = Math.max(peakKib, kib ?? 0);
    });
    const first = server.requestLog[0];
    if (first && Date.now() >= first.receivedAt + WARM_UP_MS + seconds * 1000 && !wasStopped) {
      wasStopped = true;
      void readPeakKib(child.pid).then((kib) => {
        peakKib = Math.max(peakKib, kib ?? 0);
        child.kill("SIGKILL");
      });
    }
  }, 200);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  }).finally(() => clearInterval(watch));
  return { exitCode, wasStopped, peakRssBytes: peakKib > 0 ? peakKib * 1024 : null, lastLine };
}

async function readPeakKib(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kib = status?.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kib ? Number(kib) : null;
}

const formatMegabytes = (bytes: number | null) =>
  bytes === null ? "unknown" : `${Math.round(bytes / 1_048_576)} MB`;
const perMinute = (value: number) => `${Math.round(value).toLocaleString("en")}/min`;

function kindSummary(run: SyncRunResult): string {
  const total = Object.values(run.byKind).reduce((sum, count) => sum + count, 0) || 1;
  return Object.entries(run.byKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${Math.round((count / total) * 100)}%`)
    .join(", ");
}

export function renderSyncBlock(result: SyncBenchResult, machine: string): string {
  const rows = result.capped.map((run) => {
    const ratio = run.perMinute / PAGERDUTY_REQUESTS_PER_MINUTE;
    const headroom = result.uncapped.find((other) => other.name === run.name);
    return [
      run.name,
      perMinute(run.perMinute),
      perMinute(PAGERDUTY_REQUESTS_PER_MINUTE),
      // Rounded down, so a ratio shown as 0.90 never reads "missed".
      (Math.floor(ratio * 100) / 100).toFixed(2),
      `≥ ${TARGET_RATIO.toFixed(2)}`,
      run.finishedEarly
        ? "not measured (finished early)"
        : ratio >= TARGET_RATIO
          ? "met"
          : "missed",
      String(run.rateLimited),
      headroom ? perMinute(headroom.perMinute) : "",
      formatMegabytes(Math.max(run.peakRssBytes ?? 0, headroom?.peakRssBytes ?? 0) || null),
    ];
  });
  const mix = result.capped.map((run) => `${run.name}: ${kindSummary(run)}`).join("; ");
  const { account } = result;
  return [
    "<!-- Written by `node --import tsx bench/bench-sync.ts --write` (bench/bench-sync.ts). -->",
    "",
    markdownTable(
      [
        "REST sync, 960/min budget",
        "Achieved",
        "Ceiling",
        "Ratio",
        "Target",
        "Target met",
        "429s",
        "Uncapped (headroom)",
        "Sync peak RSS",
      ],
      rows,
    ),
    "",
    `Fake server capacity (baseline: ${CAPACITY_CONCURRENCY} concurrent plain GETs, the slower of ` +
      "custom-field reads and pages of 100 log entries): " +
      `${perMinute(result.serverCapacityPerMinute)}, ` +
      `${(result.serverCapacityPerMinute / PAGERDUTY_REQUESTS_PER_MINUTE).toFixed(0)}× the budget. ` +
      `Account: ${account.incidents.toLocaleString("en")} incidents, ` +
      `${account.logEntries.toLocaleString("en")} log entries, ${account.oncalls.toLocaleString("en")} on-call shifts ` +
      `(a full first sync ≥ ${account.fullSyncRequests.toLocaleString("en")} requests, ` +
      `${Math.round(account.fullSyncRequests / PAGERDUTY_REQUESTS_PER_MINUTE)} min at 960/min). ` +
      `Window ${Math.round(result.capped[0]?.windowSeconds ?? 0)} s after a ${WARM_UP_MS / 1000} s warm-up; ` +
      `requests in it: ${mix} (${result.measuredAt.slice(0, 10)}, ${machine}).`,
  ].join("\n");
}

/**
 * The document with the block between the sync markers replaced, or a new "REST sync" section
 * placed before "## Webhook receiver". A local stand-in for benchmarks-doc.ts's generic
 * replaceMarkedBlock, which helper "import" is adding.
 */
export function replaceSyncBlock(document: string, block: string): string {
  const start = document.indexOf(SYNC_START_MARKER);
  const end = document.indexOf(SYNC_END_MARKER);
  if (start !== -1 && end > start) {
    return `${document.slice(0, start)}${SYNC_START_MARKER}\n${block}\n${document.slice(end)}`;
  }
  const section = `## REST sync\n\n${SYNC_START_MARKER}\n${block}\n${SYNC_END_MARKER}\n\n`;
  const before = document.indexOf("## Webhook receiver");
  return before === -1
    ? `${document.trimEnd()}\n\n${section}`
    : `${document.slice(0, before)}${section}${document.slice(before)}`;
}

/** Child mode: the same syncAccount the CLI runs, with the client's limit lifted. */
async function runSyncChild(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      since: { type: "string" },
      until: { type: "string" },
      "no-custom-fields": { type: "boolean" },
    },
  });
  const [limit, apiUrl] = positionals;
  const databaseUrl = process.env.DATABASE_URL;
  if (!limit || !apiUrl || !databaseUrl || !values.since || !values.until) {
    throw new Error(`${CHILD_FLAG} needs a limit, an API URL, --since, --until and DATABASE_URL`);
  }
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await syncAccount(db, {
      client: createPagerDutyClient({
        token: TOKEN,
        baseUrl: apiUrl,
        maxRequestsPerMinute: Number(limit),
      }),
      apiUrl,
      databaseUrl,
      since: new Date(`${values.since}T00:00:00Z`),
      until: new Date(`${values.until}T00:00:00Z`),
      includeCustomFields: values["no-custom-fields"] !== true,
      onProgress: (progress) =>
        process.stderr.write(`${progress.resource}: ${progress.fetched} fetched\n`),
    });
    console.log(`synced in ${result.sync.requests} requests`);
  } finally {
    await db.$disconnect();
  }
}

async function main(argv: string[]): Promise<void> {
  const capacityAt = argv.indexOf(CAPACITY_FLAG);
  if (capacityAt !== -1) {
    await runCapacityChild(argv.slice(capacityAt + 1));
    return;
  }
  const childAt = argv.indexOf(CHILD_FLAG);
  if (childAt !== -1) {
    await runSyncChild(argv.slice(childAt + 1));
    return;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "120" },
      "uncapped-seconds": { type: "string", default: "20" },
      incidents: { type: "string", default: "22000" },
      write: { type: "boolean", default: false },
    },
  });
  const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const adminUrl =
    process.env.BENCH_ADMIN_URL ?? "postgresql://postgres:fairshift@127.0.0.1:35300/postgres";
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const result = await benchSync({
    repositoryRoot,
    adminUrl,
    seconds: Number(values.seconds),
    uncappedSeconds: Number(values["uncapped-seconds"]),
    incidents: Number(values.incidents),
    log,
  });
  const block = renderSyncBlock(result, machine);
  console.log(block);
  if (values.write) {
    const document = path.join(repositoryRoot, "docs", "benchmarks.md");
    await writeFile(document, replaceSyncBlock(await readFile(document, "utf8"), block));
    log("sync: docs/benchmarks.md updated");
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
