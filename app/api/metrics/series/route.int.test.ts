import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET } from "./route";

let admin: TestAccount;
const get = (query: string, account: TestAccount | null = admin) =>
  GET(requestAs(account, `/api/metrics/series?${query}`), undefined);

describe("GET /api/metrics/series", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    // 23:30 UTC on 30 June: June in UTC, July in Stockholm.
    const createdAt = new Date("2026-06-30T23:30:00Z");
    await database.db.incident.create({
      data: {
        pagerdutyId: "R1",
        title: "Checkout errors",
        status: "resolved",
        createdAt,
        acknowledgedAt: new Date(createdAt.getTime() + 120_000),
        resolvedAt: new Date(createdAt.getTime() + 600_000),
        detectionSource: "monitoring",
      },
    });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });

  it("answers the range and a zero-filled series bucketed in tz", async () => {
    const response = await get("from=2026-06-01&to=2026-09-01&tz=Europe/Stockholm");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.range).toEqual({
      from: "2026-06-01T00:00:00+02:00",
      to: "2026-09-01T00:00:00+02:00",
      timeZone: "Europe/Stockholm",
    });
    expect(body.interval).toBe("month");
    expect(body.buckets.map((bucket: { label: string; count: number }) => bucket.count)).toEqual([
      0, 1, 0,
    ]);
    expect(body.buckets[1]).toMatchObject({
      label: "2026-07",
      start: "2026-06-30T22:00:00.000Z",
      mtta: { n: 1, meanSeconds: 120, medianSeconds: 120, p90Seconds: 120 },
    });
    expect(body.buckets[2].mtta).toEqual({
      n: 0,
      meanSeconds: null,
      medianSeconds: null,
      p90Seconds: null,
    });
  });

  it("answers quarters when asked", async () => {
    const response = await get("from=2026-01-01&to=2027-01-01&interval=quarter");
    const body = await response.json();
    expect(body.buckets.map((bucket: { label: string }) => bucket.label)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(body.buckets[1].count).toBe(1); // 30 June in UTC
  });

  it("answers 401 when signed out and 403 for a team the viewer has no role in", async () => {
    expect((await get("from=2026-06-01&to=2026-09-01", null)).status).toBe(401);
    const team = await database.db.team.create({ data: { name: "Checkout" } });
    const manager = await signedInAccount(database.db, {
      roles: [{ role: "manager", teamId: team.id }],
    });
    expect((await get("from=2026-06-01&to=2026-09-01&team=Checkout", manager)).status).toBe(200);
    const refused = await get("from=2026-06-01&to=2026-09-01", manager);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "You have no access to the whole organisation's figures; choose a team. You can see Checkout.",
    );
  });

  it("answers 400 with an actionable message for a bad zone, range or interval", async () => {
    const badZone = await get("from=2026-07-01&to=2026-10-01&tz=Mars/Olympus");
    expect(badZone.status).toBe(400);
    expect(await badZone.json()).toEqual({
      error: {
        code: "bad_request",
        message:
          'tz: Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Stockholm or UTC.',
      },
    });
    const reversed = await get("from=2026-10-01&to=2026-07-01");
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.message).toContain("to: must be after from");
    const missing = await get("to=2026-07-01&interval=week");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe(
      "from: from is required: a date like 2026-07-01, read in tz.; interval: interval must be month or quarter.",
    );
  });
});
