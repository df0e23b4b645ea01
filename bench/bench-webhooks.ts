/**
 * The webhook receiver under sustained load: a production `next start` on a PostgreSQL this
 * bench owns (its own embedded instance, so it can restart it), fed signed v3 deliveries (each
 * incident's triggered, acknowledged and resolved events, some annotated, shuffled across
 * incidents and within them, plus PagerDuty-style retries of deliveries already sent) by
 * concurrent clients that retry like PagerDuty. Measures what PagerDuty sees (answer latency,
 * deliveries per second) against the same server's ceiling for a trivial route, what the
 * dashboard sees (how long until each is applied), then checks nothing was lost or doubled,
 * also across a database restart in the middle of a burst.
 *
 *   node --import tsx bench/bench-webhooks.ts [--write] [--root DIR] [--incidents N]
 *        [--concurrency N] [--downtime-ms N] [--profile] [--no-build] [--only steady|burst]
 *
 * BENCH_WEBHOOKS_TRACE=1 logs each answer slower than 100 ms with when it came.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { signBody } from "@/importers/pagerduty/webhooks/verify-signature";
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from "@/lib/server/database/embedded-postgres";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { ensureNextBuild } from "@/lib/server/runtime/ensure-next-build";
import { findFreePort } from "@/lib/server/runtime/ports";
import { serveNext } from "@/lib/server/runtime/serve-next";
import { markdownTable } from "./benchmarks-doc";

export interface WebhookBenchOptions {
  /** The checkout: where `.data/bench/webhooks-postgres` lives. */
  repositoryRoot: string;
  /**
   * The directory the server is built (if needed) and served from; default the repository.
   * Another checkout lets a changed receiver be measured without rebuilding a shared `.next`.
   */
  serveRoot?: string;
  /** Run only the scenarios whose name starts with this ("steady", "burst"). */
  only?: string;
  /** false: serve the build already in `serveRoot` as it is (e.g. to measure an older build). */
  build?: boolean;
  /** Unused since the bench runs its own PostgreSQL (kept so older callers still compile). */
  adminUrl?: string;
  /** Incidents of the burst scenarios. */
  incidents: number;
  concurrency: number;
  /** How long PostgreSQL stays down in the restart scenario. */
  downtimeMs?: number;
  /** Write a CPU profile of the server to this directory. */
  profileDirectory?: string;
  log: (message: string) => void;
  logFile: string;
}

/** One load pattern: as fast as the clients can send, or paced at a steady rate. */
export interface WebhookScenario {
  name: string;
  incidents: number;
  /** Deliveries per second; null = as fast as the clients go. */
  rate: number | null;
  /** Restart PostgreSQL once this share of the deliveries was sent. */
  restartAt?: number;
}

export interface WebhookScenarioResult {
  scenario: WebhookScenario;
  deliveries: number;
  uniqueEvents: number;
  /** Deliveries answered 2xx per second while the clients sent (first send to last 2xx). */
  acceptedPerSecond: number;
  /**
   * Restart scenario: 2xx answers per second from the first one after PostgreSQL was back to the
   * last (the retries of the outage included; not the clients' back-off after it); null without
   * a restart.
   */
  acceptedPerSecondAfterRestart: number | null;
  /** Latency of the 2xx answers. */
  latencyMs: { p50: number; p99: number; max: number };
  /** Requests answered non-2xx or not at all (the clients retried them). */
  refusedAttempts: number;
  /** The slowest of those refusals (a timeout counts as the client's limit). */
  slowestRefusalMs: number;
  /** Deliveries applied per second, first received to last applied. */
  appliedPerSecond: number;
  /** Received → applied. */
  applyLagMs: { p50: number; p99: number; max: number };
  /** Deliveries stored more than once (a retried request whose answer was lost). */
  doubledDeliveries: number;
  /** PostgreSQL was down this long (restart scenario). */
  downtimeMs: number | null;
  /** GET /api/health by the same clients just before this scenario (bursts only). */
  baseline: WebhookBaselineResult | null;
  /** CPU per delivery, answered and applied (first send until drained); null when unmeasured. */
  cpuMsPerDelivery: CpuPerRequest | null;
  /** Every check of "nothing lost"; empty when all held. */
  problems: string[];
}

/** CPU time per request: the server process, and the PostgreSQL server (all its processes). */
export interface CpuPerRequest {
  server: number;
  postgres: number;
}

/** The same clients against a trivial route: Next's ceiling on this machine. */
export interface WebhookBaselineResult {
  route: string;
  requests: number;
  answeredPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  cpuMsPerRequest: CpuPerRequest | null;
}

export interface WebhookBenchResult {
  concurrency: number;
  scenarios: WebhookScenarioResult[];
  serverPeakRssBytes: number | null;
  /** The machine's 5-minute load average at the end: above its cores, others shared it. */
  loadAverage: number;
  measuredAt: string;
}

const SECRET = "bench-webhook-secret-0123456789abcdef";
const DATABASE = "bench_webhooks";
const DRAIN_TIMEOUT_MS = 15 * 60_000;
const RETRY_SHARE = 0.05;
const ANNOTATED_SHARE = 0.1;
// PagerDuty gives a delivery 5 s to be answered, then retries it with backoff. The clients do the
// same, starting at 250 ms and doubling to at most 4 s (Retry-After is not waited for, so the
// bench's outage is not stretched), and give up after 2 minutes.
const CLIENT_TIMEOUT_MS = 5_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 4_000;
const GIVE_UP_AFTER_MS = 120_000;
const TARGET_PER_SECOND = 500;
const TARGET_P99_MS = 100;

// A deterministic generator, so every run sends the same deliveries.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

const user = { id: "PBENCH1", type: "user_reference", summary: "Bench Responder" };

function incidentEvent(
  number: number,
  eventType: string,
  status: string,
  occurredAt: Date,
  createdAt: Date,
): string {
  const id = `QBENCH${String(number).padStart(8, "0")}`;
  return JSON.stringify({
    event: {
      id: `01BENCH${String(number).padStart(8, "0")}${eventType.slice(9, 13).toUpperCase()}`,
      event_type: eventType,
      resource_type: "incident",
      occurred_at: occurredAt.toISOString(),
      agent: user,
      client: null,
      data:
        eventType === "incident.annotated"
          ? {
              incident: { id, type: "incident_reference", summary: `Bench incident ${number}` },
              id: `PNOTE${number}`,
              content: "Rolled back the deploy",
              trimmed: false,
              type: "incident_note",
            }
          : {
              id,
              type: "incident",
              number,
              status,
              incident_key: null,
              created_at: `${createdAt.toISOString().slice(0, 19)}Z`,
              title: `Bench incident ${number}`,
              service: {
                id: `PSVC${number % 20}`,
                type: "service_reference",
                summary: `Bench service ${number % 20}`,
              },
              assignees: [user],
              escalation_policy: {
                id: "PBENCHEP",
                type: "escalation_policy_reference",
                summary: "Bench",
              },
              teams: [],
              priority: null,
              urgency: number % 3 === 0 ? "low" : "high",
              conference_bridge: null,
              resolve_reason: null,
            },
    },
  });
}

/** Each incident's lifecycle, interleaved with every other's and reordered within itself. */
export function webhookWorkload(incidents: number): { bodies: string[]; uniqueEvents: number } {
  const next = random(1);
  const bodies: string[] = [];
  const start = Date.parse("2026-11-01T00:00:00Z");
  for (let number = 1; number <= incidents; number += 1) {
    const createdAt = new Date(start + number * 60_000);
    const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000 + 123);
    bodies.push(incidentEvent(number, "incident.triggered", "triggered", at(0), createdAt));
    bodies.push(incidentEvent(number, "incident.acknowledged", "acknowledged", at(3), createdAt));
    bodies.push(incidentEvent(number, "incident.resolved", "resolved", at(40), createdAt));
    if (next() < ANNOTATED_SHARE) {
      bodies.push(incidentEvent(number, "incident.annotated", "", at(41), createdAt));
    }
  }
  const uniqueEvents = bodies.length;
  shuffle(bodies, next);
  const retries = Math.round(bodies.length * RETRY_SHARE);
  for (let index = 0; index < retries; index += 1) {
    const original = Math.floor(next() * bodies.length);
    // A retry comes later than the delivery it repeats.
    const position = original + 1 + Math.floor(next() * (bodies.length - original));
    bodies.splice(position, 0, bodies[original] as string);
  }
  return { bodies, uniqueEvents };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

function spreadOf(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  };
}

async function peakRss(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kilobytes = status?.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : null;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The bench's own PostgreSQL, which the restart scenario stops and starts on the same port. */
class BenchPostgres {
  private database: EmbeddedDatabase | null = null;
  constructor(
    readonly dataDirectory: string,
    private readonly port: number,
  ) {}

  get url(): string {
    return `postgresql://postgres:fairshift@127.0.0.1:${this.port}/${DATABASE}`;
  }

  async start(): Promise<void> {
    this.database = await startEmbeddedPostgres({
      dataDirectory: this.dataDirectory,
      port: this.port,
      databaseName: DATABASE,
      persistent: true,
    });
  }

  async stop(): Promise<void> {
    await this.database?.stop();
    this.database = null;
  }
}

export async function benchWebhooks(options: WebhookBenchOptions): Promise<WebhookBenchResult> {
  const { log } = options;
  const serveRoot = options.serveRoot ?? options.repositoryRoot;
  log(`webhooks: building the dashboard in ${serveRoot} if needed`);
  if (options.build !== false) await ensureNextBuild(serveRoot);
  const dataDirectory = path.join(options.repositoryRoot, ".data", "bench", "webhooks-postgres");
  const postgres = new BenchPostgres(dataDirectory, await findFreePort());
  log(`webhooks: starting its own PostgreSQL in ${path.relative(process.cwd(), dataDirectory)}`);
  await postgres.start();
  let server: Awaited<ReturnType<typeof serveNext>> | null = null;
  try {
    await query(postgres.url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await runMigrations(postgres.url);
    const port = await findFreePort();
    server = await serveNext({
      root: serveRoot,
      port,
      databaseUrl: postgres.url,
      environment: {
        PAGERDUTY_WEBHOOK_SECRETS: SECRET,
        ...(options.profileDirectory
          ? { NODE_OPTIONS: `--require ${await writeProfilePreload(options.profileDirectory)}` }
          : {}),
      },
      logFile: options.logFile,
    });
    const origin = `http://127.0.0.1:${port}`;
    const burstIncidents = options.incidents;
    const scenarios: WebhookScenario[] = [
      { name: "steady, 20 deliveries/s", incidents: 200, rate: 20 },
      { name: "burst", incidents: burstIncidents, rate: null },
      {
        name: "burst, PostgreSQL restarted",
        incidents: burstIncidents,
        rate: null,
        restartAt: 0.3,
      },
    ].filter((scenario) => !options.only || scenario.name.startsWith(options.only));
    const { bodies } = webhookWorkload(burstIncidents);
    log("webhooks: warming up (the first requests compile the routes)");
    await runBaseline(`${origin}/api/health`, 200, options.concurrency, async () => null);
    await runScenario(
      { name: "warm-up", incidents: 50, rate: null },
      `${origin}/api/webhooks/pagerduty`,
      postgres,
      { ...options, log: () => {} },
      async () => null,
    );
    const serverPid = server.process.pid;
    const cpu = () => sampleCpu(serverPid, postgres.dataDirectory);
    const results: WebhookScenarioResult[] = [];
    for (const scenario of scenarios) {
      await query(
        postgres.url,
        "TRUNCATE webhook_deliveries, applied_webhook_events, incidents, incident_log_entries RESTART IDENTITY CASCADE",
      );
      // The machine may be shared: the ceiling is measured right before the burst it is compared with.
      let baseline: WebhookBaselineResult | null = null;
      if (scenario.rate === null) {
        log(
          `webhooks: baseline, GET /api/health ${bodies.length} times, ${options.concurrency} clients`,
        );
        baseline = await runBaseline(
          `${origin}/api/health`,
          bodies.length,
          options.concurrency,
          cpu,
        );
      }
      const measured = await runScenario(
        scenario,
        `${origin}/api/webhooks/pagerduty`,
        postgres,
        options,
        cpu,
      );
      results.push({ ...measured, baseline });
    }
    return {
      concurrency: options.concurrency,
      scenarios: results,
      serverPeakRssBytes: await peakRss(server.process.pid),
      loadAverage: os.loadavg()[1] ?? 0,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    await server?.stop();
    await postgres.stop();
    log(`webhooks: server log in ${path.relative(process.cwd(), options.logFile)}`);
  }
}

// Node 20 refuses --cpu-prof in NODE_OPTIONS, and the server is spawned by serveNext: a preloaded
// script profiles the server through the inspector and writes the profile when it is stopped.
async function writeProfilePreload(directory: string): Promise<string> {
  await fs.mkdir(directory, { recursive: true });
  const file = path.join(directory, "webhooks-profile-preload.cjs");
  await fs.writeFile(
    file,
    `const inspector = require("node:inspector");
const fs = require("node:fs");
if (process.argv.some((argument) => argument.endsWith("production-server.ts"))) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable", () => session.post("Profiler.start"));
  let isWritten = false;
  const write = () => {
    if (isWritten) return;
    isWritten = true;
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(${JSON.stringify(directory)} + "/webhooks-server-" + process.pid + ".cpuprofile", JSON.stringify(result.profile));
      process.exit(0);
    });
  };
  process.on("SIGTERM", write);
  process.on("SIGINT", write);
}
`,
  );
  return file;
}

interface Attempt {
  status: number;
  milliseconds: number;
}

/** One request with PagerDuty's limit: a timeout or a refused connection is status 0. */
async function attempt(url: string, init: RequestInit): Promise<Attempt> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    await response.arrayBuffer();
    return { status: response.status, milliseconds: performance.now() - started };
  } catch {
    return { status: 0, milliseconds: performance.now() - started };
  }
}

/** CPU milliseconds used so far: the server process, and PostgreSQL (postmaster and children). */
interface CpuSample {
  server: number;
  postgres: number;
}

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime and ppid of a process, from /proc/<pid>/stat. */
async function readStat(
  pid: number,
): Promise<{ ticks: number; ownTicks: number; parent: number } | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  const own = (fields[11] ?? 0) + (fields[12] ?? 0);
  return {
    ownTicks: own,
    ticks: own + (fields[13] ?? 0) + (fields[14] ?? 0),
    parent: fields[1] ?? 0,
  };
}

async function sampleCpu(
  serverPid: number | undefined,
  dataDirectory: string,
): Promise<CpuSample | null> {
  if (serverPid === undefined) return null;
  const pidFile = await fs
    .readFile(path.join(dataDirectory, "postmaster.pid"), "utf8")
    .catch(() => "");
  const postmaster = Number(pidFile.split("\n")[0]);
  const [server, main] = await Promise.all([readStat(serverPid), readStat(postmaster)]);
  if (!server || !main) return null;
  let postgresTicks = main.ticks;
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = await readStat(Number(entry));
    // A backend's own time; an exited one's is in the postmaster's children's time.
    if (child?.parent === postmaster) postgresTicks += child.ticks;
  }
  const toMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { server: toMs(server.ticks), postgres: toMs(postgresTicks) };
}

function cpuPerRequest(
  before: CpuSample | null,
  after: CpuSample | null,
  requests: number,
): CpuPerRequest | null {
  if (!before || !after || requests === 0) return null;
  return {
    server: (after.server - before.server) / requests,
    postgres: (after.postgres - before.postgres) / requests,
  };
}

async function runBaseline(
  url: string,
  requests: number,
  concurrency: number,
  cpu: () => Promise<CpuSample | null>,
): Promise<WebhookBaselineResult> {
  const latencies: number[] = [];
  let cursor = 0;
  const cpuBefore = await cpu();
  const started = performance.now();
  const client = async () => {
    while (cursor < requests) {
      cursor += 1;
      const result = await attempt(url, { method: "GET" });
      if (result.status !== 200) throw new Error(`GET ${url} answered ${result.status}`);
      latencies.push(result.milliseconds);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    route: "GET /api/health",
    requests,
    answeredPerSecond: requests / seconds,
    latencyMs: spreadOf(latencies),
    cpuMsPerRequest: cpuPerRequest(cpuBefore, await cpu(), requests),
  };
}

async function runScenario(
  scenario: WebhookScenario,
  url: string,
  postgres: BenchPostgres,
  options: WebhookBenchOptions,
  cpu: () => Promise<CpuSample | null>,
): Promise<Omit<WebhookScenarioResult, "baseline">> {
  const { log } = options;
  const { bodies, uniqueEvents } = webhookWorkload(scenario.incidents);
  log(
    `webhooks, ${scenario.name}: ${bodies.length} deliveries (${uniqueEvents} events) for ${scenario.incidents} incidents, ${options.concurrency} clients`,
  );
  const latencies: number[] = [];
  const refusals: number[] = [];
  const failures: string[] = [];
  let cursor = 0;
  let lastAcceptedAt = 0;
  let restart: Promise<number> | null = null;
  let backAt: number | null = null;
  let firstAcceptedSinceBack: number | null = null;
  let acceptedSinceBack = 0;
  const restartIndex =
    scenario.restartAt === undefined ? -1 : Math.floor(bodies.length * scenario.restartAt);
  // A restart starts new PostgreSQL processes: its CPU cannot be added up across it.
  const cpuBefore = restartIndex === -1 ? await cpu() : null;
  const sendStarted = performance.now();
  const client = async () => {
    while (cursor < bodies.length) {
      const index = cursor;
      const body = bodies[index] as string;
      cursor += 1;
      if (index === restartIndex) {
        restart = restartPostgres(postgres, options).then((downtime) => {
          backAt = performance.now();
          return downtime;
        });
      }
      if (scenario.rate !== null) {
        const due = sendStarted + (index * 1000) / scenario.rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      // One X-Webhook-Id per delivery, the same on each retry of it (as PagerDuty sends).
      const init: RequestInit = {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-pagerduty-signature": signBody(body, [SECRET]),
          "x-webhook-id": `bench-${index}`,
        },
        body,
      };
      const firstTry = performance.now();
      for (let retry = 0; ; retry += 1) {
        const result = await attempt(url, init);
        if (result.status === 200 || result.status === 202) {
          latencies.push(result.milliseconds);
          if (process.env.BENCH_WEBHOOKS_TRACE && result.milliseconds > 100) {
            log(
              `slow answer at ${Math.round(performance.now() - sendStarted)} ms: ${Math.round(result.milliseconds)} ms`,
            );
          }
          lastAcceptedAt = performance.now();
          if (backAt !== null) {
            firstAcceptedSinceBack ??= lastAcceptedAt;
            acceptedSinceBack += 1;
          }
          break;
        }
        refusals.push(result.milliseconds);
        if (result.status !== 0 && result.status !== 503) {
          failures.push(`delivery ${index}: HTTP ${result.status}`);
          break;
        }
        if (performance.now() - firstTry > GIVE_UP_AFTER_MS) {
          failures.push(`delivery ${index}: still refused after ${GIVE_UP_AFTER_MS / 1000} s`);
          break;
        }
        const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** retry);
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const downtimeMs = restart ? await restart : null;
  const sendSeconds = (lastAcceptedAt - sendStarted) / 1000;

  const drainStarted = Date.now();
  const problems: string[] =
    failures.length > 0 ? [`${failures.length} deliveries failed: ${failures[0]}`] : [];
  let figures = await readFigures(postgres.url);
  while (figures.pending > 0) {
    if (Date.now() - drainStarted > DRAIN_TIMEOUT_MS) {
      problems.push(
        `${figures.pending} deliveries still pending after ${DRAIN_TIMEOUT_MS / 60_000} min`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    figures = await readFigures(postgres.url);
  }
  const cpuMsPerDelivery = cpuPerRequest(cpuBefore, cpuBefore ? await cpu() : null, bodies.length);
  problems.push(...(await checkNothingLost(postgres.url, bodies.length, uniqueEvents, scenario)));
  return {
    scenario,
    deliveries: bodies.length,
    uniqueEvents,
    acceptedPerSecond: bodies.length / sendSeconds,
    acceptedPerSecondAfterRestart:
      firstAcceptedSinceBack === null
        ? null
        : (acceptedSinceBack - 1) / ((lastAcceptedAt - firstAcceptedSinceBack) / 1000),
    latencyMs: spreadOf(latencies),
    refusedAttempts: refusals.length,
    slowestRefusalMs: refusals.length > 0 ? Math.max(...refusals) : 0,
    appliedPerSecond: figures.deliveries / Math.max(figures.seconds, 0.001),
    applyLagMs: { p50: figures.lag50, p99: figures.lag99, max: figures.lagMax },
    doubledDeliveries: figures.doubled,
    downtimeMs,
    cpuMsPerDelivery,
    problems,
  };
}

/** Stops PostgreSQL (fast shutdown: open connections are cut), waits, starts it again. */
async function restartPostgres(
  postgres: BenchPostgres,
  options: WebhookBenchOptions,
): Promise<number> {
  const downtime = options.downtimeMs ?? 2_500;
  options.log(`webhooks: stopping PostgreSQL for ${downtime} ms`);
  const stopped = performance.now();
  await postgres.stop();
  await new Promise((resolve) => setTimeout(resolve, downtime));
  await postgres.start();
  const measured = performance.now() - stopped;
  options.log(`webhooks: PostgreSQL is back after ${Math.round(measured)} ms`);
  return measured;
}

interface StoredFigures {
  deliveries: number;
  pending: number;
  doubled: number;
  seconds: number;
  lag50: number;
  lag99: number;
  lagMax: number;
}

async function readFigures(databaseUrl: string): Promise<StoredFigures> {
  const [row] = await query<StoredFigures>(
    databaseUrl,
    `SELECT
      (SELECT count(DISTINCT webhook_id)::int FROM webhook_deliveries) AS deliveries,
      (SELECT count(*)::int FROM webhook_deliveries WHERE verdict = 'pending') AS pending,
      (SELECT count(*)::int - count(DISTINCT webhook_id)::int FROM webhook_deliveries) AS doubled,
      (SELECT coalesce(extract(epoch FROM max(applied_at) - min(received_at)), 0)::float8 FROM webhook_deliveries) AS seconds,
      (SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS lag50,
      (SELECT coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS lag99,
      (SELECT coalesce(max(extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS "lagMax"`,
  );
  if (!row) throw new Error("no figures read");
  return row;
}

/**
 * Nothing lost, nothing doubled: every delivery stored (one X-Webhook-Id each), every event
 * applied exactly once, every incident in its final state: resolved 40 min after it was created,
 * first acknowledged at 3 min, with one log entry per event.
 */
async function checkNothingLost(
  databaseUrl: string,
  deliveries: number,
  uniqueEvents: number,
  scenario: WebhookScenario,
): Promise<string[]> {
  const [row] = await query<{
    stored: number;
    notApplied: number;
    events: number;
    eventsTwice: number;
    entries: number;
    incidents: number;
    wrong: number;
  }>(
    databaseUrl,
    `SELECT
      (SELECT count(DISTINCT webhook_id)::int FROM webhook_deliveries) AS stored,
      (SELECT count(*)::int FROM webhook_deliveries WHERE verdict NOT IN ('applied', 'duplicate')) AS "notApplied",
      (SELECT count(*)::int FROM applied_webhook_events) AS events,
      (SELECT count(*)::int FROM (SELECT event_id FROM webhook_deliveries WHERE verdict = 'applied'
        GROUP BY event_id HAVING count(*) > 1) AS twice) AS "eventsTwice",
      (SELECT count(*)::int FROM incident_log_entries WHERE is_from_webhook) AS entries,
      (SELECT count(*)::int FROM incidents) AS incidents,
      (SELECT count(*)::int FROM incidents
        WHERE status <> 'resolved' OR resolved_at IS DISTINCT FROM created_at + interval '40 min 0.123 s'
          OR acknowledged_at IS DISTINCT FROM created_at + interval '3 min 0.123 s') AS wrong`,
  );
  if (!row) throw new Error("no checks read");
  const problems: string[] = [];
  if (row.stored !== deliveries) problems.push(`${deliveries} sent but ${row.stored} stored`);
  if (row.notApplied > 0) problems.push(`${row.notApplied} deliveries not applied`);
  if (row.events !== uniqueEvents) {
    problems.push(`${uniqueEvents} events sent but ${row.events} applied`);
  }
  if (row.eventsTwice > 0) problems.push(`${row.eventsTwice} events applied by two deliveries`);
  if (row.entries !== uniqueEvents) {
    problems.push(`${uniqueEvents} events but ${row.entries} log entries`);
  }
  if (row.incidents !== scenario.incidents || row.wrong > 0) {
    problems.push(
      `${row.incidents} of ${scenario.incidents} incidents, ${row.wrong} not in their final state`,
    );
  }
  return problems;
}

const count = (value: number) => Math.round(value).toLocaleString("en-US");
const milliseconds = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const perSecond = (value: number) => `${count(value)}/s`;
const met = (isMet: boolean) => (isMet ? "met" : "missed");

const CORES_MS_PER_SECOND = 2 * 1000;

/**
 * The figures as a table: each row a figure, the baseline measured in the same run (the same
 * server answering GET /api/health to the same clients just before that burst), their ratio, the
 * target, met or missed.
 */
export function renderWebhooksBlock(result: WebhookBenchResult, machineNote: string): string {
  const byName = (name: string) =>
    result.scenarios.find((scenario) => scenario.scenario.name === name);
  const steady = byName("steady, 20 deliveries/s");
  const burst = byName("burst");
  const restarted = byName("burst, PostgreSQL restarted");
  const rows: string[][] = [];
  const ratio = (figure: number, base: number | undefined) =>
    base && base > 0 ? `${(figure / base).toFixed(2)}×` : "–";
  const spread = (figures: { p50: number; p99: number; max: number }) =>
    `${milliseconds(figures.p99)} (${milliseconds(figures.p50)}, ${milliseconds(figures.max)})`;
  for (const [label, scenario] of [
    ["burst", burst],
    ["restart", restarted],
  ] as const) {
    if (!scenario) continue;
    const baseline = scenario.baseline;
    // Across a restart the rate that counts is the one once PostgreSQL is back: during the
    // outage every delivery is refused on purpose, for PagerDuty to retry.
    const afterRestart = scenario.acceptedPerSecondAfterRestart;
    const sustained = afterRestart ?? scenario.acceptedPerSecond;
    rows.push([
      afterRestart === null
        ? `Answered/s, sustained (${label})`
        : `Answered/s once PostgreSQL was back (whole burst, outage included) (${label})`,
      afterRestart === null
        ? perSecond(sustained)
        : `${perSecond(sustained)} (${perSecond(scenario.acceptedPerSecond)})`,
      baseline ? perSecond(baseline.answeredPerSecond) : "–",
      ratio(sustained, baseline?.answeredPerSecond),
      `≥ ${TARGET_PER_SECOND}/s`,
      met(sustained >= TARGET_PER_SECOND),
    ]);
    rows.push([
      `Answer latency p99 (p50, max) (${label})`,
      spread(scenario.latencyMs),
      baseline ? spread(baseline.latencyMs) : "–",
      ratio(scenario.latencyMs.p99, baseline?.latencyMs.p99),
      `< ${TARGET_P99_MS} ms`,
      met(scenario.latencyMs.p99 < TARGET_P99_MS),
    ]);
    rows.push([
      `Applied/s (received → applied p99) (${label})`,
      `${perSecond(scenario.appliedPerSecond)} (${(scenario.applyLagMs.p99 / 1000).toFixed(1)} s)`,
      `${perSecond(scenario.acceptedPerSecond)} answered`,
      ratio(scenario.appliedPerSecond, scenario.acceptedPerSecond),
      "keeps up (≥ 0.9×)",
      met(scenario.appliedPerSecond >= 0.9 * scenario.acceptedPerSecond),
    ]);
  }
  const cpu = burst?.cpuMsPerDelivery;
  const baseCpu = burst?.baseline?.cpuMsPerRequest;
  if (cpu && baseCpu) {
    const total = cpu.server + cpu.postgres;
    const baseTotal = baseCpu.server + baseCpu.postgres;
    rows.push([
      "CPU per delivery, answered + applied: server + PostgreSQL (burst)",
      `${cpu.server.toFixed(2)} + ${cpu.postgres.toFixed(2)} ms`,
      `${baseCpu.server.toFixed(2)} + ${baseCpu.postgres.toFixed(2)} ms`,
      ratio(total, baseTotal),
      `≤ ${(CORES_MS_PER_SECOND / TARGET_PER_SECOND).toFixed(1)} ms`,
      met(total <= CORES_MS_PER_SECOND / TARGET_PER_SECOND),
    ]);
    rows.push([
      "Deliveries/s 2 idle cores can answer and apply (from CPU)",
      perSecond(CORES_MS_PER_SECOND / total),
      perSecond(CORES_MS_PER_SECOND / baseTotal),
      ratio(baseTotal, total),
      `≥ ${TARGET_PER_SECOND}/s`,
      met(CORES_MS_PER_SECOND / total >= TARGET_PER_SECOND),
    ]);
  }
  if (restarted) {
    rows.push([
      "Refused while PostgreSQL was down: attempts (slowest)",
      `${count(restarted.refusedAttempts)} (${milliseconds(restarted.slowestRefusalMs)})`,
      `down ${((restarted.downtimeMs ?? 0) / 1000).toFixed(1)} s`,
      "–",
      "non-2xx, quickly",
      met(restarted.slowestRefusalMs < CLIENT_TIMEOUT_MS),
    ]);
    rows.push([
      "Lost / doubled after the restart",
      restarted.problems.length === 0
        ? `0 / 0 (${restarted.doubledDeliveries} rows stored twice)`
        : "see below",
      `${count(restarted.deliveries)} deliveries, ${count(restarted.uniqueEvents)} events`,
      "–",
      "0 / 0",
      met(restarted.problems.length === 0),
    ]);
  }
  if (steady) {
    rows.push([
      "Steady 20/s: answer p99; received → applied p99",
      `${milliseconds(steady.latencyMs.p99)}; ${milliseconds(steady.applyLagMs.p99)}`,
      "–",
      "–",
      `< ${TARGET_P99_MS} ms`,
      met(steady.latencyMs.p99 < TARGET_P99_MS && steady.problems.length === 0),
    ]);
  }
  const problems = result.scenarios.flatMap((scenario) =>
    scenario.problems.map((problem) => `- ${scenario.scenario.name}: ${problem}`),
  );
  const burstSize = burst
    ? `${count(burst.deliveries)} deliveries (${count(burst.uniqueEvents)} events of ${count(burst.scenario.incidents)} incidents + ${count(burst.deliveries - burst.uniqueEvents)} repeats)`
    : "";
  return [
    "<!-- Written by `node --import tsx bench/bench-webhooks.ts --write` (or `npm run bench -- --only webhooks --write`). -->",
    "",
    markdownTable(["Webhook receiver", "Figure", "Baseline", "Ratio", "Target", ""], rows),
    "",
    `Each burst: ${burstSize}, ${result.concurrency} concurrent clients retrying non-2xx and ` +
      `timeouts (${CLIENT_TIMEOUT_MS / 1000} s) after ${FIRST_BACKOFF_MS} ms, doubling to ` +
      `${MAX_BACKOFF_MS / 1000} s. Baseline: the same server answering GET /api/health (one ` +
      `SELECT 1, gzipped) to the same clients just before the burst. Server peak RSS ` +
      `${result.serverPeakRssBytes === null ? "unknown" : `${Math.round(result.serverPeakRssBytes / 2 ** 20)} MB`} ` +
      `(${result.measuredAt.slice(0, 10)}, ${machineNote}, load average ${result.loadAverage.toFixed(1)}).`,
    ...(problems.length > 0 ? ["", "Problems:", "", ...problems] : []),
  ].join("\n");
}

const START_MARKER = "<!-- bench:webhooks:start -->";
const END_MARKER = "<!-- bench:webhooks:end -->";

/** Replaces the block between the webhook markers (appends a section when they are missing). */
export function replaceWebhooksBlock(document: string, block: string): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    return `${document.trimEnd()}\n\n## Webhook receiver\n\n${START_MARKER}\n${block}\n${END_MARKER}\n`;
  }
  return `${document.slice(0, start)}${START_MARKER}\n${block}\n${document.slice(end)}`;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      write: { type: "boolean", default: false },
      root: { type: "string" },
      incidents: { type: "string", default: "1000" },
      concurrency: { type: "string", default: "8" },
      "downtime-ms": { type: "string", default: "2500" },
      profile: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const benchDirectory = path.join(repositoryRoot, ".data", "bench");
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const result = await benchWebhooks({
    repositoryRoot,
    serveRoot: values.root ? path.resolve(values.root) : repositoryRoot,
    incidents: Number(values.incidents),
    concurrency: Number(values.concurrency),
    downtimeMs: Number(values["downtime-ms"]),
    build: !values["no-build"],
    ...(values.only ? { only: values.only } : {}),
    profileDirectory: values.profile ? path.join(benchDirectory, "profiles") : undefined,
    log,
    logFile: path.join(benchDirectory, "webhooks-server.log"),
  });
  const block = renderWebhooksBlock(
    result,
    `${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  if (values.write) {
    const document = path.join(repositoryRoot, "docs", "benchmarks.md");
    await fs.writeFile(document, replaceWebhooksBlock(await fs.readFile(document, "utf8"), block));
    log("wrote docs/benchmarks.md");
  }
  process.stdout.write(`${block}\n`);
  return result.scenarios.every((scenario) => scenario.problems.length === 0) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
