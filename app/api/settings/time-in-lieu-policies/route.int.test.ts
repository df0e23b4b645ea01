import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, POST } from "./route";

let admin: TestAccount;
const post = (body: unknown, account: TestAccount = admin) =>
  POST(
    requestAs(account, "/api/settings/time-in-lieu-policies", { method: "POST", body }),
    undefined,
  );
const get = (account: TestAccount = admin) =>
  GET(requestAs(account, "/api/settings/time-in-lieu-policies"), undefined);

describe("/api/settings/time-in-lieu-policies", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });

  it("answers no policies, the teams and the product defaults on an empty organisation", async () => {
    await database.db.team.create({ data: { name: "Payments" } });
    const body = await (await get()).json();
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
    const { policies } = await (await get()).json();
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

  it("shows a manager their team's versions and the default, and lets only an admin save", async () => {
    const payments = await database.db.team.findFirstOrThrow({ where: { name: "Payments" } });
    const search = await database.db.team.create({ data: { name: "Search" } });
    await post({ ...DEFAULT_TIME_IN_LIEU_POLICY, teamId: search.id, effectiveFrom: "2026-08-01" });
    const manager = await signedInAccount(database.db, {
      roles: [{ role: "manager", teamId: payments.id }],
    });
    const body = await (await get(manager)).json();
    expect(body.teams).toEqual([{ id: payments.id, name: "Payments" }]);
    expect(body.policies.map((row: { teamId: number | null }) => row.teamId)).toEqual([
      null,
      payments.id,
    ]);
    const refused = await post(
      { ...DEFAULT_TIME_IN_LIEU_POLICY, teamId: payments.id, effectiveFrom: "2026-09-01" },
      manager,
    );
    expect(refused.status).toBe(403);
    expect(await database.db.timeInLieuPolicy.count()).toBe(3);
    expect((await get(await signedInAccount(database.db))).status).toBe(403);
  });
});
