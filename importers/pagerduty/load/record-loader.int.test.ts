import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import type { ImportRecord, IncidentRecord, LogEntryRecord, ReadItem } from "../records";
import { deriveIncidentFacts } from "./derive-incident-facts";
import { createRecordLoader, type LoadResult } from "./record-loader";

const at = (time: string) => new Date(`2022-11-03T${time}Z`);
const item = (record: ImportRecord, line = 1): ReadItem => ({
  type: "record",
  record,
  origin: { line },
});
const incidentReference = { pagerdutyId: "Q3YON8WNWTZMRQ", name: "[#4] Crash reported" };

function logEntry(
  pagerdutyId: string,
  type: string,
  time: string,
  fields: Partial<LogEntryRecord> = {},
): LogEntryRecord {
  return {
    kind: "log_entry",
    pagerdutyId,
    incident: incidentReference,
    type,
    at: at(time),
    agent: null,
    channelType: null,
    notificationType: null,
    person: null,
    emailFrom: null,
    summary: null,
    raw: { id: pagerdutyId },
    ...fields,
  };
}

// The DevLake capture's shape: notify entries carry no user, only "Notified <name> by email."
const logEntries: LogEntryRecord[] = [
  logEntry("R1", "trigger_log_entry", "06:23:06", {
    agent: { type: "user_reference", pagerdutyId: "PQYACO3", name: "Keon Amini" },
    channelType: "web_trigger",
  }),
  logEntry("R2", "notify_log_entry", "06:23:10", {
    channelType: "auto",
    notificationType: "email",
    person: { pagerdutyId: null, email: null, name: "Keon Amini" },
    summary: "Notified Keon Amini by email.",
  }),
  logEntry("R3", "acknowledge_log_entry", "06:34:25", {
    agent: { type: "user_reference", pagerdutyId: "PQYACO3", name: "Keon Amini" },
    channelType: "website",
  }),
  logEntry("R4", "resolve_log_entry", "07:10:00", {
    agent: { type: "user_reference", pagerdutyId: "PQYACO3", name: "Keon Amini" },
    channelType: "website",
  }),
];

const incident: IncidentRecord = {
  kind: "incident",
  pagerdutyId: "Q3YON8WNWTZMRQ",
  number: 4,
  title: "Crash reported",
  service: { pagerdutyId: "PIKL83L", name: "DevService" },
  escalationPolicy: null,
  teams: [],
  urgency: "high",
  priority: null,
  status: "acknowledged",
  incidentKey: "bb60942875634ee6a7fe94ddb51c3a09",
  createdAt: at("06:23:06"),
  acknowledgedAt: null,
  resolvedAt: null,
  startedAt: null,
  startedAtSource: null,
  resolvedByMerge: false,
  mergedIntoPagerdutyId: null,
  reportedDetectionSource: null,
  raw: { id: "Q3YON8WNWTZMRQ" },
};

const organisation: ImportRecord[] = [
  {
    kind: "person",
    pagerdutyId: "PQYACO3",
    name: "Keon Amini",
    email: "keon@example.com",
    timeZone: "Europe/Stockholm",
    teams: [{ pagerdutyId: "PTEAM01", name: "Mobile" }],
  },
  {
    kind: "service",
    pagerdutyId: "PIKL83L",
    name: "DevService",
    status: "active",
    escalationPolicy: { pagerdutyId: "PEP0001", name: "Default" },
    teams: [{ pagerdutyId: "PTEAM01", name: "Mobile" }],
  },
];

describe("loading records in any order", () => {
  const database = useTestDatabase();

  async function load(records: ImportRecord[]): Promise<LoadResult> {
    return database.db.$transaction(async (transaction) => {
      const loader = createRecordLoader(transaction, { importRunId: null, fileName: "test" });
      for (const record of records) await loader.add(item(record));
      return loader.finish();
    });
  }

  it("ties log entries that came before their incident and people once the batch is in", async () => {
    const { db } = database;
    const first = await load(logEntries);
    expect(first.byKind.log_entry).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const placeholder = await db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "Q3YON8WNWTZMRQ" },
    });
    expect(placeholder).toMatchObject({ isPlaceholder: true, number: 4, title: "Crash reported" });

    const second = await load([incident, ...organisation]);
    expect(second.byKind.incident).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(second.byKind.person).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(second.byKind.service).toEqual({ inserted: 1, updated: 0, unchanged: 0 });

    const derived = await deriveIncidentFacts(
      db,
      [...first.changedIncidentIds, ...second.changedIncidentIds],
      { retryUnresolvedNotifications: second.havePeopleChanged },
    );
    expect(derived).toMatchObject({ incidents: 1, peopleResolved: 1, pagesWritten: 1 });

    const stored = await db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "Q3YON8WNWTZMRQ" },
      include: { teams: { include: { team: true } }, pages: { include: { person: true } } },
    });
    expect(stored).toMatchObject({
      isPlaceholder: false,
      // The record said acknowledged; the log has a resolve after it.
      status: "resolved",
      acknowledgedAt: at("06:34:25"),
      resolvedAt: at("07:10:00"),
      triggerChannel: "web_trigger",
      triggerAgentType: "user_reference",
      detectionSource: "staff",
    });
    expect(stored.teams.map((link) => link.team.name)).toEqual(["Mobile"]);
    expect(stored.pages.map((page) => [page.person.email, page.channel, page.at])).toEqual([
      ["keon@example.com", "email", at("06:23:10")],
    ]);
  });

  it("changes nothing when the same records arrive again", async () => {
    const again = await load([...logEntries, incident, ...organisation]);
    expect(again.totals).toEqual({ inserted: 0, updated: 0, unchanged: 7 });
    expect(again.changedIncidentIds.size).toBe(0);
    const derived = await deriveIncidentFacts(database.db, again.changedIncidentIds, {
      retryUnresolvedNotifications: false,
    });
    expect(derived.pagesWritten).toBe(0);
  });

  it("rejects a user whose e-mail another PagerDuty user holds, keeping the rest", async () => {
    const result = await load([
      {
        kind: "person",
        pagerdutyId: "POTHER1",
        name: "Someone Else",
        email: "keon@example.com",
        timeZone: null,
        teams: [],
      },
      {
        kind: "person",
        pagerdutyId: "PNEW001",
        name: "New Person",
        email: "new@example.com",
        timeZone: "America/New_York",
        teams: [],
      },
    ]);
    expect(result.byKind.person).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(result.rejected).toBe(1);
    expect(result.firstRejections[0]?.reason).toContain(
      "keon@example.com already belongs to PQYACO3",
    );
  });
});
