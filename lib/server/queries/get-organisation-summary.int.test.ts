import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { getOrganisationSummary } from "./get-organisation-summary";

describe("getOrganisationSummary", () => {
  const database = useTestDatabase();

  it("reports an empty organisation as zeros with no incident range", async () => {
    const summary = await getOrganisationSummary(database.db);
    expect(summary.totals).toEqual({
      teams: 0,
      people: 0,
      services: 0,
      shifts: 0,
      incidents: 0,
      pages: 0,
    });
    expect(summary.incidentRange).toBeNull();
    expect(summary.teams).toEqual([]);
  });

  it("counts a small hand-built organisation exactly", async () => {
    // Two teams; Ada is in both, Ben only in Payments. One Payments incident paged Ada twice.
    const payments = await database.db.team.create({ data: { name: "Payments" } });
    const platform = await database.db.team.create({ data: { name: "Platform" } });
    const ada = await database.db.person.create({
      data: { name: "Ada", email: "ada@example.com", timeZone: "Europe/Stockholm" },
    });
    const ben = await database.db.person.create({
      data: { name: "Ben", email: "ben@example.com", timeZone: "America/New_York" },
    });
    await database.db.teamMembership.createMany({
      data: [
        { teamId: payments.id, personId: ada.id },
        { teamId: payments.id, personId: ben.id },
        { teamId: platform.id, personId: ada.id },
      ],
    });
    const service = await database.db.service.create({
      data: { name: "Card API", teams: { create: { teamId: payments.id } } },
    });
    const createdAt = new Date("2026-03-29T01:15:00Z");
    const incident = await database.db.incident.create({
      data: {
        pagerdutyId: "QHANDBUILT0001",
        title: "Card API 5xx",
        status: "resolved",
        serviceId: service.id,
        createdAt,
        teams: { create: { teamId: payments.id, incidentCreatedAt: createdAt } },
      },
    });
    await database.db.page.createMany({
      data: [
        { personId: ada.id, incidentId: incident.id, channel: "push", at: createdAt },
        {
          personId: ada.id,
          incidentId: incident.id,
          channel: "sms",
          at: new Date("2026-03-29T01:16:00Z"),
        },
      ],
    });
    await database.db.onCallShift.create({
      data: {
        personId: ada.id,
        level: 1,
        startAt: new Date("2026-03-23T08:00:00Z"),
        endAt: new Date("2026-03-30T07:00:00Z"),
        source: "shifts_csv",
        sourceKey: "ada-2026-03-23",
      },
    });

    const summary = await getOrganisationSummary(database.db);
    expect(summary.totals).toEqual({
      teams: 2,
      people: 2,
      services: 1,
      shifts: 1,
      incidents: 1,
      pages: 2,
    });
    expect(summary.incidentRange).toEqual({ first: createdAt, last: createdAt });
    expect(summary.teams).toEqual([
      { id: payments.id, name: "Payments", people: 2, services: 1, incidents: 1 },
      { id: platform.id, name: "Platform", people: 1, services: 0, incidents: 0 },
    ]);
  });
});
