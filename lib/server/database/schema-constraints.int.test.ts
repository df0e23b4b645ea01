import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";

describe("the data model under real PostgreSQL", () => {
  const database = useTestDatabase();

  it("upserting the same PagerDuty incident twice leaves one row with the latest values", async () => {
    const service = await database.db.service.create({
      data: { pagerdutyId: "PSVC001", name: "Checkout API" },
    });
    const incident = (title: string) => ({
      where: { pagerdutyId: "Q2CKYRLH85UNN4" },
      create: {
        pagerdutyId: "Q2CKYRLH85UNN4",
        number: 37,
        title,
        status: "triggered" as const,
        serviceId: service.id,
        createdAt: new Date("2025-04-06T10:00:00Z"),
      },
      update: { title },
    });
    await database.db.incident.upsert(incident("Checkout errors"));
    await database.db.incident.upsert(incident("Checkout errors (updated)"));
    const rows = await database.db.incident.findMany({ where: { pagerdutyId: "Q2CKYRLH85UNN4" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title).toBe("Checkout errors (updated)");
    expect(rows[0]?.detectionSource).toBe("unknown");
  });

  it("refuses a second page for the same notify log entry", async () => {
    const person = await database.db.person.create({
      data: {
        pagerdutyId: "PUSER01",
        name: "Ada Lind",
        email: "ada@example.com",
        timeZone: "Europe/Stockholm",
      },
    });
    const incident = await database.db.incident.create({
      data: {
        pagerdutyId: "QPAGETEST00001",
        title: "Disk full",
        status: "resolved",
        createdAt: new Date("2025-01-01T03:00:00Z"),
      },
    });
    const entry = await database.db.incidentLogEntry.create({
      data: {
        pagerdutyId: "RLOGENTRY00001",
        incidentId: incident.id,
        type: "notify_log_entry",
        at: new Date("2025-01-01T03:00:05Z"),
        personId: person.id,
        notificationType: "sms",
      },
    });
    const page = {
      personId: person.id,
      incidentId: incident.id,
      channel: "sms" as const,
      at: entry.at,
      logEntryId: entry.id,
    };
    await database.db.page.create({ data: page });
    await expect(database.db.page.create({ data: page })).rejects.toThrow(/Unique constraint/);
  });

  it("stores timestamps as UTC instants with millisecond precision, whatever the zone", async () => {
    const createdAt = new Date("2025-10-26T01:30:00.123+02:00"); // the night Stockholm leaves summer time
    const row = await database.db.incident.create({
      data: { pagerdutyId: "QDSTNIGHT00001", title: "DST night", status: "resolved", createdAt },
    });
    const read = await database.db.incident.findUniqueOrThrow({ where: { id: row.id } });
    expect(read.createdAt.toISOString()).toBe("2025-10-25T23:30:00.123Z");
  });
});
