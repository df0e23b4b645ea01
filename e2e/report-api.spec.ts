import { queryRows, seedDemoOrganisation } from "./fixtures/database";
import { expect, test } from "./fixtures/test";

test("the production server answers the report and its CSV export on the demo data", async ({
  request,
}) => {
  await seedDemoOrganisation();
  const response = await request.get(
    "/api/report?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=Payments",
  );
  expect(response.status()).toBe(200);
  const report = await response.json();
  const [payments] = await queryRows<{ members: number }>(
    "SELECT count(*)::int AS members FROM team_memberships m JOIN teams t ON t.id = m.team_id WHERE t.name = 'Payments'",
  );
  expect(report.range.from).toBe("2026-07-01T00:00:00+02:00");
  expect(report.people.length).toBeGreaterThan(0);
  expect(report.people.length).toBeLessThanOrEqual(payments?.members ?? 0);
  expect(report.teams.map((team: { name: string }) => team.name)).toEqual(["Payments"]);

  const csv = await request.get("/api/report?from=2026-07-01&to=2026-10-01&format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toMatch(/^kind,from,to,/);

  const badZone = await request.get("/api/report?from=2026-07-01&to=2026-10-01&tz=Mars/Base");
  expect(badZone.status()).toBe(400);
});
