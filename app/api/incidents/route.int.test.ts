import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { Prisma } from "@/prisma/generated/client/client";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { GET as getMetrics } from "../metrics/incidents/route";
import { GET } from "./route";

let admin: TestAccount;
const get = (query: string, account: TestAccount | null = admin) =>
  GET(requestAs(account, `/api/incidents?${query}`), undefined);
const metrics = async (query: string) =>
  (
    await getMetrics(requestAs(admin, `/api/metrics/incidents?${query}`), undefined)
  ).json() as Promise<{
    count: number;
    excludedTests: number;
  }>;

// The demo organisation: the list's total against the metrics endpoint and against plain SQL.
describe("GET /api/incidents on the demo seed", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    await seedDatabase({
      databaseUrl: database.url,
      scale: "demo",
      seed: 1,
      until: new Date("2026-10-01T00:00:00Z"),
    });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  }, 60_000);

  it("totals what /api/metrics/incidents counts (tests included) for the same filters", async () => {
    const teams = await database.db.team.findMany({ select: { name: true }, take: 2 });
    for (const scope of [
      "",
      "&tz=Europe/Stockholm",
      "&urgency=low",
      ...teams.map((team) => `&team=${encodeURIComponent(team.name)}`),
    ]) {
      const query = `from=2026-07-01&to=2026-10-01${scope}`;
      const response = await get(query);
      expect(response.status).toBe(200);
      const page = await response.json();
      const counted = await metrics(query);
      expect(page.total, scope).toBe(counted.count + counted.excludedTests);
      expect(page.incidents.length).toBe(Math.min(50, page.total));
    }
  });

  it("pages newest first, as SQL orders the quarter", async () => {
    const ids = await database.db.$queryRaw<{ id: number }[]>(Prisma.sql`
      SELECT id FROM incidents
      WHERE created_at >= '2026-07-01T00:00:00Z' AND created_at < '2026-10-01T00:00:00Z'
      ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 50`);
    const page = await (await get("from=2026-07-01&to=2026-10-01&tz=UTC&page=2")).json();
    expect(page.page).toBe(2);
    expect(page.incidents.map((incident: { id: number }) => incident.id)).toEqual(
      ids.map((row) => row.id),
    );
  });

  it("refuses unreadable filters with 400 and says which", async () => {
    const response = await get("from=2026-07-01&to=2026-10-01&status=open&tz=Mars/Base");
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain('tz: Unknown time zone "Mars/Base"');
    expect(error.message).toContain("status: status must be triggered, acknowledged or resolved.");
    expect((await get("to=2026-10-01")).status).toBe(400);
  });

  it("answers 401 signed out and 403 for the organisation to an account without a role", async () => {
    expect((await get("from=2026-07-01&to=2026-10-01", null)).status).toBe(401);
    const nobody = await signedInAccount(database.db);
    const refused = await get("from=2026-07-01&to=2026-10-01", nobody);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "You have no access to the whole organisation's figures; choose a team: your account has no team yet. Ask an admin to grant you a role.",
    );
  });
});
