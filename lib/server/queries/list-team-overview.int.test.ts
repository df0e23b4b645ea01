import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { listTeamOverview } from "./list-team-overview";

const q3 = { start: new Date("2026-07-01T00:00:00Z"), end: new Date("2026-10-01T00:00:00Z") };

describe("listTeamOverview", () => {
  const database = useTestDatabase();

  it("answers no rows for an organisation without teams", async () => {
    expect(await listTeamOverview(database.db, q3)).toEqual([]);
  });

  it("counts members, the range's rotation, services and non-test incidents per team", async () => {
    const { db } = database;
    // Named so the order by name, case-insensitive, differs from insertion order.
    const platform = await db.team.create({ data: { name: "platform" } });
    const payments = await db.team.create({ data: { name: "Payments", pagerdutyId: "PT1" } });
    const [ada, ben, cy] = await Promise.all(
      ["Ada", "Ben", "Cy"].map((name) => db.person.create({ data: { name } })),
    );
    if (!ada || !ben || !cy) throw new Error("people were not created");
    await db.teamMembership.createMany({
      data: [
        { teamId: payments.id, personId: ada.id },
        { teamId: payments.id, personId: ben.id },
        { teamId: payments.id, personId: cy.id },
        { teamId: platform.id, personId: ada.id },
      ],
    });
    const shift = (personId: number, startAt: string, endAt: string) => ({
      personId,
      startAt: new Date(startAt),
      endAt: new Date(endAt),
      source: "shifts_csv" as const,
      sourceKey: `${personId}-${startAt}`,
    });
    await db.onCallShift.createMany({
      data: [
        // Ada: a week across the range's start (counts); Ben: only in June (does not);
        // Cy: ends exactly when the range starts (does not: the range is [start, end)).
        shift(ada.id, "2026-06-29T08:00:00Z", "2026-07-06T08:00:00Z"),
        shift(ben.id, "2026-06-01T08:00:00Z", "2026-06-08T08:00:00Z"),
        shift(cy.id, "2026-06-24T00:00:00Z", "2026-07-01T00:00:00Z"),
      ],
    });
    await db.service.create({
      data: { name: "Card API", teams: { create: [{ teamId: payments.id }] } },
    });
    await db.service.create({
      data: {
        name: "Ledger",
        teams: { create: [{ teamId: payments.id }, { teamId: platform.id }] },
      },
    });
    const incident = async (
      pagerdutyId: string,
      createdAt: string,
      teamIds: number[],
      detectionSource: "monitoring" | "test" = "monitoring",
    ) => {
      const at = new Date(createdAt);
      await db.incident.create({
        data: {
          pagerdutyId,
          title: pagerdutyId,
          status: "resolved",
          createdAt: at,
          detectionSource,
          teams: { create: teamIds.map((teamId) => ({ teamId, incidentCreatedAt: at })) },
        },
      });
    };
    await incident("IN1", "2026-07-01T00:00:00Z", [payments.id]); // at the start: in
    await incident("IN2", "2026-09-30T23:59:59Z", [payments.id, platform.id]); // in, both teams
    await incident("OUT1", "2026-10-01T00:00:00Z", [payments.id]); // at the end: out
    await incident("OUT2", "2026-06-30T23:59:59Z", [platform.id]); // before: out
    await incident("TEST1", "2026-08-05T09:00:00Z", [payments.id], "test"); // a paging test: out

    expect(await listTeamOverview(db, q3)).toEqual([
      {
        id: payments.id,
        name: "Payments",
        pagerdutyId: "PT1",
        people: 3,
        onCallPeople: 1,
        services: 2,
        incidents: 2,
      },
      {
        id: platform.id,
        name: "platform",
        pagerdutyId: null,
        people: 1,
        onCallPeople: 1,
        services: 1,
        incidents: 1,
      },
    ]);

    // June: Ada, Ben and Cy were all on call; only OUT2 was Platform's.
    const june = { start: new Date("2026-06-01T00:00:00Z"), end: new Date("2026-07-01T00:00:00Z") };
    const [paymentsInJune, platformInJune] = await listTeamOverview(db, june);
    expect(paymentsInJune).toMatchObject({ onCallPeople: 3, incidents: 0 });
    expect(platformInJune).toMatchObject({ onCallPeople: 1, incidents: 1 });
  });
});
