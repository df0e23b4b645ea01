import { Prisma } from "@/prisma/generated/client/client";
import type { SqlClient } from "../load/sql-client";
import { parseIncidentSummary, upsertIncidents } from "../load/upsert-incidents";
import { upsertLogEntries } from "../load/upsert-log-entries";
import type { IncidentRecord } from "../records";
import {
  type ApplicableEvent,
  type AppliedEvent,
  type FieldChange,
  type IncidentRow,
  readIncidents,
  shown,
  TRACKED_FIELDS,
} from "./apply-webhook-event";
import {
  foldIncidentEvents,
  type IncidentEventFact,
  type NextIncidentState,
  nextIncidentState,
} from "./fold-incident-events";

/** A claimed delivery's applicable events, in body order. */
export interface RoundDelivery {
  id: number;
  events: readonly ApplicableEvent[];
}

interface Step {
  deliveryId: number;
  event: ApplicableEvent;
  /** Order of application: by delivery id, then within the body. */
  position: number;
}

interface Owner {
  deliveryId: number;
  /** Inserted into the ledger by this round (not there before). */
  isNew: boolean;
}

/** What one applied event did to its incident, as the delivery log shows it. */
interface Simulated {
  step: Step;
  was: IncidentRow | null;
  is: IncidentRow;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;
const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Applies a round of deliveries' events inside the caller's transaction with a handful of
 * set-based statements, however many events: lock the round's incidents, claim every event in
 * the dedupe ledger at once, read the incidents and their histories once, then replay the events
 * in delivery order in memory, exactly as applyWebhookEvent would one transaction at a time
 * (each event folds the history as far as it), and write the result: the incident snapshots, the
 * stand-in log entries, and each incident's final lifecycle. Returns each delivery's events,
 * applied (with what they changed) or duplicate.
 */
export async function applyWebhookRound(
  sql: SqlClient,
  deliveries: readonly RoundDelivery[],
): Promise<Map<number, AppliedEvent[]>> {
  const steps: Step[] = [];
  for (const delivery of [...deliveries].sort((a, b) => a.id - b.id)) {
    for (const event of delivery.events) {
      steps.push({ deliveryId: delivery.id, event, position: steps.length });
    }
  }
  const results = new Map<number, AppliedEvent[]>(deliveries.map((delivery) => [delivery.id, []]));
  if (steps.length === 0) return results;

  const incidentIds = unique(steps.map((step) => step.event.facts.incidentPagerdutyId)).sort();
  await lockIncidents(sql, incidentIds);
  const owners = await claimEvents(sql, steps);
  const [before, histories] = await Promise.all([
    readIncidents(sql, incidentIds),
    readHistories(sql, incidentIds),
  ]);
  const ownerOf = (step: Step) => owners.get(step.event.facts.eventId);
  const applying = steps.filter((step) => ownerOf(step)?.deliveryId === step.deliveryId);
  const { simulated, finalStates, snapshots } = replayRound(applying, owners, before, histories);

  // Sequential applies upsert an incident once per snapshot event: so do these, in turns.
  for (const turn of snapshots) await upsertIncidents(sql, turn, null);
  const logEntries = applying.flatMap((step) => (step.event.logEntry ? [step.event.logEntry] : []));
  if (logEntries.length > 0) await upsertLogEntries(sql, logEntries, null);
  await writeLifecycles(sql, finalStates);
  const after = await readIncidents(sql, incidentIds);

  const lastOfIncident = new Map<string, Simulated>();
  for (const entry of simulated)
    lastOfIncident.set(entry.step.event.facts.incidentPagerdutyId, entry);
  const bySimulatedStep = new Map(simulated.map((entry) => [entry.step, entry]));
  for (const step of steps) {
    const owner = ownerOf(step);
    const list = results.get(step.deliveryId);
    if (!owner || !list) throw new Error(`event ${step.event.facts.eventId} was not claimed`);
    if (owner.deliveryId !== step.deliveryId) {
      list.push({ verdict: "duplicate", firstDeliveryId: owner.deliveryId });
      continue;
    }
    const entry = bySimulatedStep.get(step);
    const pagerdutyId = step.event.facts.incidentPagerdutyId;
    const stored = after.get(pagerdutyId);
    if (!entry || !stored) throw new Error(`incident ${pagerdutyId} was not written`);
    // The round's last event of an incident shows the stored row; earlier ones what it was then.
    const is = lastOfIncident.get(pagerdutyId) === entry ? stored : entry.is;
    list.push({
      verdict: "applied",
      incidentId: stored.id,
      changes: {
        incident: { pagerdutyId, number: is.number, title: is.title, fields: diff(entry.was, is) },
        logEntry: step.event.logEntry
          ? `${step.event.logEntry.type}: ${step.event.logEntry.summary ?? ""}`
          : null,
        notes: step.event.notes,
      },
    });
  }
  return results;
}

function diff(was: IncidentRow | null, is: IncidentRow): Record<string, FieldChange> {
  const fields: Record<string, FieldChange> = {};
  for (const [key, label] of TRACKED_FIELDS) {
    const before = shown(was?.[key]);
    const after = shown(is[key]);
    if (before !== after) fields[label] = { before, after };
  }
  return fields;
}

/**
 * Takes the same per-incident advisory locks applyWebhookEvent takes, all of them, in one order
 * (OFFSET 0 keeps the sort below the lock calls), so two appliers never wait on each other in a
 * cycle.
 */
async function lockIncidents(sql: SqlClient, incidentIds: readonly string[]): Promise<void> {
  await sql.$queryRaw(Prisma.sql`
    SELECT count(pg_advisory_xact_lock(k))::int AS locked
    FROM (SELECT DISTINCT hashtext('webhook-incident:' || id) AS k
          FROM unnest(${[...incidentIds]}::text[]) AS id ORDER BY k OFFSET 0) AS keys`);
}

/**
 * Records every event in the ledger at once (its first delivery of the round claims it) and
 * returns, per event, the delivery that owns it: the one already in the ledger (another
 * delivery's: a duplicate; this one's: a re-apply after a crash), else the claimant.
 */
async function claimEvents(sql: SqlClient, steps: readonly Step[]): Promise<Map<string, Owner>> {
  const firsts = new Map<string, Step>();
  for (const step of steps) {
    if (!firsts.has(step.event.facts.eventId)) firsts.set(step.event.facts.eventId, step);
  }
  const claims = [...firsts.values()];
  const facts = claims.map((step) => step.event.facts);
  // The outer SELECT reads the snapshot before the INSERT: it sees only earlier owners.
  const existing = await sql.$queryRaw<{ eventId: string; deliveryId: number }[]>(Prisma.sql`
    WITH inserted AS (
      INSERT INTO applied_webhook_events (event_id, delivery_id, event_type, incident_pagerduty_id,
        occurred_at, incident_status, incident_created_at, has_incident_data)
      SELECT u.event_id, u.delivery_id, u.event_type, u.incident, u.occurred_at,
        u.status::incident_status, u.created_at, u.has_data
      FROM unnest(
        ${facts.map((fact) => fact.eventId)}::text[],
        ${claims.map((step) => step.deliveryId)}::int4[],
        ${facts.map((fact) => fact.eventType)}::text[],
        ${facts.map((fact) => fact.incidentPagerdutyId)}::text[],
        ${facts.map((fact) => iso(fact.occurredAt))}::timestamptz[],
        ${facts.map((fact) => fact.incidentStatus)}::text[],
        ${facts.map((fact) => iso(fact.incidentCreatedAt))}::timestamptz[],
        ${facts.map((fact) => fact.hasIncidentData)}::bool[]
      ) AS u(event_id, delivery_id, event_type, incident, occurred_at, status, created_at, has_data)
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id)
    SELECT event_id AS "eventId", delivery_id AS "deliveryId" FROM applied_webhook_events
    WHERE event_id = ANY(${facts.map((fact) => fact.eventId)}::text[])`);
  const owners = new Map<string, Owner>(
    existing.map((row) => [row.eventId, { deliveryId: row.deliveryId, isNew: false }]),
  );
  for (const claim of claims) {
    if (!owners.has(claim.event.facts.eventId)) {
      owners.set(claim.event.facts.eventId, { deliveryId: claim.deliveryId, isNew: true });
    }
  }
  return owners;
}

async function readHistories(
  sql: SqlClient,
  incidentIds: readonly string[],
): Promise<Map<string, IncidentEventFact[]>> {
  const rows = await sql.$queryRaw<(IncidentEventFact & { incident: string })[]>(Prisma.sql`
    SELECT incident_pagerduty_id AS incident, event_id AS "eventId", occurred_at AS "occurredAt",
      incident_status::text AS "incidentStatus", incident_created_at AS "incidentCreatedAt",
      has_incident_data AS "hasIncidentData",
      event_type = 'incident.acknowledged' AS "isAcknowledgement"
    FROM applied_webhook_events
    WHERE incident_pagerduty_id = ANY(${[...incidentIds]}::text[]) AND occurred_at IS NOT NULL`);
  const histories = new Map<string, IncidentEventFact[]>();
  for (const { incident, ...fact } of rows) {
    const history = histories.get(incident) ?? [];
    history.push(fact);
    histories.set(incident, history);
  }
  return histories;
}

/**
 * The round's events replayed in memory, one incident at a time, as one transaction each would
 * have applied them: the history each event folds holds the events applied before it and itself,
 * never the round's later ones.
 */
function replayRound(
  applying: readonly Step[],
  owners: ReadonlyMap<string, Owner>,
  before: ReadonlyMap<string, IncidentRow>,
  histories: ReadonlyMap<string, IncidentEventFact[]>,
): {
  simulated: Simulated[];
  finalStates: Map<string, NextIncidentState>;
  snapshots: IncidentRecord[][];
} {
  const positionOfNew = new Map<string, number>();
  for (const step of applying) {
    const id = step.event.facts.eventId;
    if (owners.get(id)?.isNew && !positionOfNew.has(id)) positionOfNew.set(id, step.position);
  }
  const simulated: Simulated[] = [];
  const finalStates = new Map<string, NextIncidentState>();
  const snapshots: IncidentRecord[][] = [];
  const current = new Map<string, IncidentRow | null>();
  const snapshotCount = new Map<string, number>();
  for (const step of applying) {
    const { facts, incident } = step.event;
    const pagerdutyId = facts.incidentPagerdutyId;
    const was = current.has(pagerdutyId)
      ? (current.get(pagerdutyId) ?? null)
      : (before.get(pagerdutyId) ?? null);
    const history = (histories.get(pagerdutyId) ?? []).filter((fact) => {
      const position = positionOfNew.get(fact.eventId);
      return position === undefined || position <= step.position;
    });
    const folded = foldIncidentEvents(history);
    const next = nextIncidentState(was, folded, facts.occurredAt);
    const isSnapshot =
      incident !== null && (was === null || folded.latestSnapshotEventId === facts.eventId);
    if (isSnapshot) {
      const turn = snapshotCount.get(pagerdutyId) ?? 0;
      snapshotCount.set(pagerdutyId, turn + 1);
      const record: IncidentRecord = {
        ...incident,
        status: next.status,
        resolvedAt: next.resolvedAt,
        createdAt: next.createdAt,
        acknowledgedAt: next.acknowledgedAt,
      };
      const records = snapshots[turn];
      if (records) records.push(record);
      else snapshots[turn] = [record];
    }
    // Neither stored nor carried: the log entry writes a placeholder titled from its reference.
    const placeholder = parseIncidentSummary(step.event.logEntry?.incident.name ?? null);
    const is: IncidentRow = {
      id: was?.id ?? 0,
      number: isSnapshot ? incident.number : was ? was.number : placeholder.number,
      title: isSnapshot
        ? incident.title
        : (was?.title ?? placeholder.title ?? `Incident ${pagerdutyId}`),
      priority: isSnapshot ? incident.priority : (was?.priority ?? null),
      urgency: isSnapshot ? incident.urgency : (was?.urgency ?? "high"),
      service: isSnapshot ? (incident.service?.name ?? null) : (was?.service ?? null),
      ...next,
    };
    current.set(pagerdutyId, is);
    finalStates.set(pagerdutyId, next);
    simulated.push({ step, was, is });
  }
  return { simulated, finalStates, snapshots };
}

/** Each incident's lifecycle as its events folded it, in one statement. */
async function writeLifecycles(
  sql: SqlClient,
  states: ReadonlyMap<string, NextIncidentState>,
): Promise<void> {
  if (states.size === 0) return;
  const entries = [...states.entries()];
  await sql.$executeRaw(Prisma.sql`
    UPDATE incidents AS i SET status = u.status::incident_status, status_changed_at = u.changed,
      acknowledged_at = u.acknowledged, resolved_at = u.resolved, created_at = u.created,
      updated_at = now()
    FROM unnest(
      ${entries.map(([pagerdutyId]) => pagerdutyId)}::text[],
      ${entries.map(([, state]) => state.status)}::text[],
      ${entries.map(([, state]) => iso(state.statusChangedAt))}::timestamptz[],
      ${entries.map(([, state]) => iso(state.acknowledgedAt))}::timestamptz[],
      ${entries.map(([, state]) => iso(state.resolvedAt))}::timestamptz[],
      ${entries.map(([, state]) => iso(state.createdAt))}::timestamptz[]
    ) AS u(pagerduty_id, status, changed, acknowledged, resolved, created)
    WHERE i.pagerduty_id = u.pagerduty_id
      AND (i.status::text, i.status_changed_at, i.acknowledged_at, i.resolved_at, i.created_at)
        IS DISTINCT FROM (u.status, u.changed, u.acknowledged, u.resolved, u.created)`);
}
