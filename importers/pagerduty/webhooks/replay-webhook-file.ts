import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import type { WriteCounts } from "../load/sql-client";
import type { Rejection } from "../records";
import { drainPendingDeliveries } from "./apply-pending-deliveries";
import { mapDeliveryBody } from "./apply-webhook-delivery";
import { storeDelivery } from "./store-webhook-delivery";

/** One webhook body as a file holds it: the line it starts on, when the file has lines. */
export interface StoredBody {
  line: number | null;
  /** Where in the file, for messages: "line 3", "item 2". */
  place: string;
  text: string;
}

export interface ReplayResult {
  /** inserted: events applied; unchanged: duplicates and ignored events. */
  totals: WriteCounts;
  rejected: Rejection[];
  bodies: number;
  /** Deliveries the applier could not apply yet; it retries them. */
  stillPending: number;
}

const noHeaders = { get: () => null };

/**
 * The bodies in a replay file: one body (pretty-printed or not), a JSON array of bodies, or
 * NDJSON with one body per line. Lines that are not JSON come back as rejections.
 */
export function readStoredBodies(text: string): { bodies: StoredBody[]; rejected: Rejection[] } {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return { bodies: [], rejected: [] };
  try {
    const value: unknown = JSON.parse(trimmed);
    const items = Array.isArray(value) ? value : [value];
    return {
      bodies: items.map((item, index) => ({
        line: Array.isArray(value) ? null : 1,
        place: Array.isArray(value) ? `item ${index + 1}` : "the file",
        text: JSON.stringify(item),
      })),
      rejected: [],
    };
  } catch {
    // Not one JSON value: NDJSON, one body per line.
  }
  const bodies: StoredBody[] = [];
  const rejected: Rejection[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    try {
      JSON.parse(line);
      bodies.push({ line: index + 1, place: `line ${index + 1}`, text: line });
    } catch (error) {
      rejected.push({
        line: index + 1,
        reason: `not a JSON webhook body (${error instanceof Error ? error.message : String(error)}); a replay file holds one body, an array of bodies, or one body per line`,
        raw: line.slice(0, 10_000),
      });
    }
  }
  return { bodies, rejected };
}

/**
 * `fairshift import --format webhook-events`: replays stored bodies through the receiver's own
 * path — each becomes a delivery in the log (marked as replayed from the file, no signature:
 * the admin vouches for the file), then the applier applies it. Events applied before are
 * duplicates and change nothing. A dry run only reads and maps the bodies.
 */
export async function replayWebhookFile(
  db: PrismaClient,
  text: string,
  fileName: string,
  options: { isDryRun: boolean },
): Promise<ReplayResult> {
  const { bodies, rejected } = readStoredBodies(text);
  const result: ReplayResult = {
    totals: { inserted: 0, updated: 0, unchanged: 0 },
    rejected,
    bodies: bodies.length,
    stillPending: 0,
  };
  const deliveryIds: number[] = [];
  const placeOf = new Map<number, StoredBody>();
  for (const body of bodies) {
    const bytes = Buffer.from(body.text, "utf8");
    const mapped = mapDeliveryBody(bytes, null);
    if (!mapped.ok) {
      rejected.push({
        line: body.line,
        reason: `${body.place}: ${mapped.reason}`,
        raw: body.text.slice(0, 10_000),
      });
      continue;
    }
    if (options.isDryRun) {
      for (const event of mapped.events) {
        if (event.outcome === "apply") result.totals.inserted += 1;
        else if (event.outcome === "ignore") result.totals.unchanged += 1;
        else
          rejected.push({
            line: body.line,
            reason: `${body.place}: ${event.reason}`,
            raw: body.text.slice(0, 10_000),
          });
      }
      continue;
    }
    const id = await storeDelivery(db, {
      headers: noHeaders,
      body: bytes,
      byteSize: bytes.byteLength,
      summary: mapped.summary,
      verdict: "pending",
      reason: null,
      statusCode: 202,
      subscription: null,
      replayedFrom: fileName,
    });
    deliveryIds.push(id);
    placeOf.set(id, body);
  }
  if (options.isDryRun || deliveryIds.length === 0) return result;

  await drainPendingDeliveries(db);
  const verdicts = await db.$queryRaw<
    { id: number; verdict: string; reason: string | null; events: number }[]
  >(Prisma.sql`
    SELECT d.id, d.verdict::text AS verdict, d.verdict_reason AS reason,
      (SELECT count(*)::int FROM applied_webhook_events e WHERE e.delivery_id = d.id) AS events
    FROM webhook_deliveries d WHERE d.id = ANY(${deliveryIds}::int4[]) ORDER BY d.id`);
  for (const row of verdicts) {
    const body = placeOf.get(row.id);
    switch (row.verdict) {
      case "applied":
        result.totals.inserted += row.events;
        break;
      case "duplicate":
      case "ignored":
        result.totals.unchanged += 1;
        break;
      case "pending":
        result.stillPending += 1;
        break;
      default:
        rejected.push({
          line: body?.line ?? null,
          reason: `${body?.place ?? "a body"}: ${row.verdict}: ${row.reason ?? "no reason given"} (delivery ${row.id})`,
          raw: (body?.text ?? "").slice(0, 10_000),
        });
    }
  }
  return result;
}
