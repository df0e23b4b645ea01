import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, POST } from "./route";

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/settings/time-in-lieu-policies", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

describe("/api/settings/time-in-lieu-policies", () => {
  const database = useRouteTestDatabase();

  it("answers no policies, the teams and the product defaults on an empty organisation", async () => {
    await database.db.team.create({ data: { name: "Payments" } });
    const body = await (await GET()).json();
    expect(body).toEqual({
      policies: [],
      teams: [{ id: expect.any(Number), name: "Payments" }],
      defaults: DEFAULT_TIME_IN_LIEU_POLICY,
      accountTimeZone: "UTC",
    });
  });

  it("saves versions and lists them as history, oldest first", async () => {
    const team = await database.db.team.findFirstOrThrow();
    const saved = await post({
      ...DEFAULT_TIME_IN_LIEU_POLICY,
      teamId: team.id,
      effectiveFrom: "2026-07-01",
      expiryDays: 60,
    });
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({
      replaced: false,
      policy: { teamId: team.id, effectiveFrom: "2026-07-01T00:00:00.000Z", expiryDays: 60 },
      timeInLieuRederived: { people: 0, accruals: 0 },
    });
    await post({ ...DEFAULT_TIME_IN_LIEU_POLICY, teamId: null, effectiveFrom: "2026-01-01" });
    const { policies } = await (await GET()).json();
    expect(
      policies.map((row: { teamId: number | null; effectiveFrom: string }) => [
        row.teamId,
        row.effectiveFrom,
      ]),
    ).toEqual([
      [null, "2026-01-01T00:00:00.000Z"],
      [team.id, "2026-07-01T00:00:00.000Z"],
    ]);
  });

  it("answers 404 for an unknown team and 400 naming the field", async () => {
    const unknown = await post({
      ...DEFAULT_TIME_IN_LIEU_POLICY,
      teamId: 4242,
      effectiveFrom: "2026-07-01",
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("No team with id 4242.");
    const invalid = await post({
      ...DEFAULT_TIME_IN_LIEU_POLICY,
      teamId: null,
      effectiveFrom: "2026-07-01",
      holidayMultiplierPercent: 20,
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toBe(
      "holidayMultiplierPercent: Enter a whole percentage from 100 to 1000 (150 = ×1.5).",
    );
  });
});
