/**
 * The webhook receiver under sustained load: a production `next start` on a fresh database,
 * fed signed v3 deliveries (each incident's triggered, acknowledged and resolved events, some
 * annotated, shuffled across incidents and within them, plus PagerDuty-style retries of
 * deliveries already sent) by concurrent clients. Measures what PagerDuty sees (answer latency,
 * deliveries per second) and what the dashboard sees (how long until each is applied), then
 * checks nothing was lost.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { signBody } from "@/importers/pagerduty/webhooks/verify-signature";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { ensureNextBuild } from "@/lib/server/runtime/ensure-next-build";
import { findFreePort } from "@/lib/server/runtime/ports";
import { serveNext } from "@/lib/server/runtime/serve-next";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  withClient,
} from "@/lib/server/testing/test-server";

export interface WebhookBenchOptions {
  repositoryRoot: string;
  adminUrl: string;
  /** Incidents of the burst scenario. */
  incidents: number;
  concurrency: number;
  log: (message: string) => void;
  logFile: string;
}

/** One load pattern: as fast as the clients can send, or paced at a steady rate. */
export interface WebhookScenario {
  name: string;
  incidents: number;
  /** Deliveries per second; null = as fast as the clients go. */
  rate: number | null;
}

export interface WebhookScenarioResult {
  scenario: WebhookScenario;
  deliveries: number;
  uniqueEvents: number;
  /** Deliveries answered per second while the clients sent. */
  acceptedPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Deliveries applied per second, first received to last applied. */
  appliedPerSecond: number;
  /** Received → applied. */
  applyLagMs: { p50: number; p99: number; max: number };
  /** Every check of "nothing lost"; empty when all held. */
  problems: string[];
}

export interface WebhookBenchResult {
  concurrency: number;
  scenarios: WebhookScenarioResult[];
  serverPeakRssBytes: number | null;
  measuredAt: string;
}

const SECRET = "bench-webhook-secret-0123456789abcdef";
const DATABASE = "bench_webhooks";
const DRAIN_TIMEOUT_MS = 15 * 60_000;
const RETRY_SHARE = 0.05;
const ANNOTATED_SHARE = 0.1;

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

async function peakRss(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kilobytes = status?.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : null;
}

export async function benchWebhooks(options: WebhookBenchOptions): Promise<WebhookBenchResult> {
  const { log } = options;
  log("webhooks: building the dashboard if needed");
  await ensureNextBuild(options.repositoryRoot);
  await dropDatabase(options.adminUrl, DATABASE);
  await createDatabase(options.adminUrl, DATABASE);
  const databaseUrl = databaseUrlFor(options.adminUrl, DATABASE);
  await runMigrations(databaseUrl);
  const port = await findFreePort();
  const server = await serveNext({
    root: options.repositoryRoot,
    port,
    databaseUrl,
    environment: { PAGERDUTY_WEBHOOK_SECRETS: SECRET },
    logFile: options.logFile,
  });
  try {
    const url = `http://127.0.0.1:${port}/api/webhooks/pagerduty`;
    const scenarios: WebhookScenario[] = [
      { name: "steady, 20 deliveries/s", incidents: 200, rate: 20 },
      { name: "burst", incidents: options.incidents, rate: null },
    ];
    const results: WebhookScenarioResult[] = [];
    for (const scenario of scenarios) {
      await withClient(databaseUrl, (connection) =>
        connection.query(
          "TRUNCATE webhook_deliveries, applied_webhook_events, incidents, incident_log_entries RESTART IDENTITY CASCADE",
        ),
      );
      results.push(await runScenario(scenario, url, databaseUrl, options));
    }
    return {
      concurrency: options.concurrency,
      scenarios: results,
      serverPeakRssBytes: await peakRss(server.process.pid),
      measuredAt: new Date().toISOString(),
    };
  } finally {
    await server.stop();
    await dropDatabase(options.adminUrl, DATABASE);
    log(`webhooks: server log in ${path.relative(process.cwd(), options.logFile)}`);
  }
}

async function runScenario(
  scenario: WebhookScenario,
  url: string,
  databaseUrl: string,
  options: WebhookBenchOptions,
): Promise<WebhookScenarioResult> {
  const { log } = options;
  const { bodies, uniqueEvents } = webhookWorkload(scenario.incidents);
  log(
    `webhooks, ${scenario.name}: ${bodies.length} deliveries (${uniqueEvents} events) for ${scenario.incidents} incidents, ${options.concurrency} clients`,
  );
  const latencies: number[] = [];
  const failures: string[] = [];
  let cursor = 0;
  const sendStarted = performance.now();
  const client = async () => {
    while (cursor < bodies.length) {
      const index = cursor;
      const body = bodies[index] as string;
      cursor += 1;
      if (scenario.rate !== null) {
        const due = sendStarted + (index * 1000) / scenario.rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-pagerduty-signature": signBody(body, [SECRET]),
        },
        body,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== 202 && response.status !== 200) {
        failures.push(`HTTP ${response.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const sendSeconds = (performance.now() - sendStarted) / 1000;

  const drainStarted = Date.now();
  const problems: string[] =
    failures.length > 0 ? [`${failures.length} requests failed: ${failures[0]}`] : [];
  let figures = await readFigures(databaseUrl);
  while (figures.pending > 0) {
    if (Date.now() - drainStarted > DRAIN_TIMEOUT_MS) {
      problems.push(
        `${figures.pending} deliveries still pending after ${DRAIN_TIMEOUT_MS / 60_000} min`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    figures = await readFigures(databaseUrl);
  }
  if (figures.deliveries !== bodies.length) {
    problems.push(`${bodies.length} sent but ${figures.deliveries} stored`);
  }
  if (figures.notApplied > 0) problems.push(`${figures.notApplied} deliveries rejected or failed`);
  if (figures.events !== uniqueEvents) {
    problems.push(`${uniqueEvents} events sent but ${figures.events} applied`);
  }
  if (figures.resolved !== scenario.incidents || figures.acknowledged !== scenario.incidents) {
    problems.push(
      `${figures.resolved} of ${scenario.incidents} incidents resolved, ${figures.acknowledged} acknowledged`,
    );
  }
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    deliveries: bodies.length,
    uniqueEvents,
    acceptedPerSecond: bodies.length / sendSeconds,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    },
    appliedPerSecond: figures.deliveries / Math.max(figures.seconds, 0.001),
    applyLagMs: { p50: figures.lag50, p99: figures.lag99, max: figures.lagMax },
    problems,
  };
}

interface StoredFigures {
  deliveries: number;
  pending: number;
  notApplied: number;
  events: number;
  resolved: number;
  acknowledged: number;
  seconds: number;
  lag50: number;
  lag99: number;
  lagMax: number;
}

async function readFigures(databaseUrl: string): Promise<StoredFigures> {
  return withClient(databaseUrl, async (connection) => {
    const result = await connection.query<StoredFigures>(`
      SELECT
        (SELECT count(*)::int FROM webhook_deliveries) AS deliveries,
        (SELECT count(*)::int FROM webhook_deliveries WHERE verdict = 'pending') AS pending,
        (SELECT count(*)::int FROM webhook_deliveries WHERE verdict NOT IN ('applied', 'duplicate', 'pending')) AS "notApplied",
        (SELECT count(*)::int FROM applied_webhook_events) AS events,
        (SELECT count(*)::int FROM incidents WHERE status = 'resolved' AND resolved_at IS NOT NULL) AS resolved,
        (SELECT count(*)::int FROM incidents WHERE acknowledged_at IS NOT NULL) AS acknowledged,
        (SELECT coalesce(extract(epoch FROM max(applied_at) - min(received_at)), 0)::float8 FROM webhook_deliveries) AS seconds,
        (SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS lag50,
        (SELECT coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS lag99,
        (SELECT coalesce(max(extract(epoch FROM applied_at - received_at) * 1000), 0)::float8 FROM webhook_deliveries) AS "lagMax"`);
    const row = result.rows[0];
    if (!row) throw new Error("no figures read");
    return row;
  });
}
