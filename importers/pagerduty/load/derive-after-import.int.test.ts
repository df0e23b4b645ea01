import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { deriveAfterImport } from "./derive-after-import";

describe("deriveAfterImport", () => {
  const database = useTestDatabase();

  it("derives what a run committed but never derived (a process stopped in between)", async () => {
    const db = database.db;
    const alva = await db.person.create({ data: { name: "Alva", timeZone: "Europe/Stockholm" } });
    // Committed by an import that stopped before deriving: derived_at is still null.
    const stopped = await db.importRun.create({ data: { source: "file", status: "succeeded" } });
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "PSTOP",
        title: "Card declines",
        status: "resolved",
        createdAt: new Date("2026-03-07T13:00:00Z"),
        resolvedAt: new Date("2026-03-07T15:05:00Z"),
        importRunId: stopped.id,
      },
    });
    await db.incidentLogEntry.create({
      data: {
        pagerdutyId: "RNOTIFY",
        incidentId: incident.id,
        type: "notify_log_entry",
        at: new Date("2026-03-07T13:00:00Z"),
        notificationType: "phone",
        personId: alva.id,
        importRunId: stopped.id,
      },
    });
    const current = await db.importRun.create({ data: { source: "file", status: "succeeded" } });

    const facts = await deriveAfterImport(db, {
      runIds: [current.id],
      changedIncidentIds: [],
      havePeopleChanged: false,
    });

    expect(facts).toMatchObject({ incidents: 1, pagesWritten: 1 });
    expect(await db.page.findMany({ select: { personId: true, incidentId: true } })).toEqual([
      { personId: alva.id, incidentId: incident.id },
    ]);
    expect(await db.importRun.count({ where: { derivedAt: null } })).toBe(0);
  });
});
