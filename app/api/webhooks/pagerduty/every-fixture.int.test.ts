import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURES_DIRECTORY } from "@/importers/pagerduty/map/testing/read-fixture";
import { drainPendingDeliveries } from "@/importers/pagerduty/webhooks/apply-pending-deliveries";
import { webhookRequest } from "@/importers/pagerduty/webhooks/testing/webhook-request";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { POST } from "./route";

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => {},
}));

const SIGNED: Record<string, { secret: string; signature: string }> = JSON.parse(
  readFileSync(path.join(FIXTURES_DIRECTORY, "webhooks-v3/signed/signatures.json"), "utf8"),
);
const ALDAVIVA_SECRET = SIGNED["pagey.ping.json"]?.secret ?? "";
// The Zulip, nudgebee and v2 captures were published without signatures: they are signed here.
const OUR_SECRET = "every-fixture-secret-42";
const DIRECTORIES = [
  "webhooks-v3/signed",
  "webhooks-v3/zulip",
  "webhooks-v3/nudgebee",
  "webhooks-v2/zulip",
];

// Every webhook capture, posted with its signature, then applied: what each incident became.
describe("every webhook fixture through POST /api/webhooks/pagerduty", () => {
  const database = useRouteTestDatabase();
  const statusByFile = new Map<string, number>();

  beforeAll(async () => {
    process.env.PAGERDUTY_WEBHOOK_SECRETS = `${ALDAVIVA_SECRET},${OUR_SECRET}`;
    for (const directory of DIRECTORIES) {
      const names = readdirSync(path.join(FIXTURES_DIRECTORY, directory))
        .filter((name) => name.endsWith(".json") && !name.startsWith("signatures"))
        .sort();
      for (const name of names) {
        const body = readFileSync(path.join(FIXTURES_DIRECTORY, directory, name));
        const signed = directory.endsWith("signed") ? SIGNED[name] : undefined;
        const request = webhookRequest(
          body,
          signed ? { signature: signed.signature } : { secrets: [OUR_SECRET] },
        );
        statusByFile.set(`${directory}/${name}`, (await POST(request)).status);
      }
    }
    await drainPendingDeliveries(database.db);
  });

  const incident = (pagerdutyId: string) =>
    database.db.incident.findUniqueOrThrow({
      where: { pagerdutyId },
      include: {
        service: true,
        teams: { include: { team: true } },
        logEntries: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { person: true } },
      },
    });

  it("answers every capture 2xx: stored, nothing refused", () => {
    expect(statusByFile.size).toBe(37);
    const refused = [...statusByFile].filter(([, status]) => status >= 300);
    expect(refused).toEqual([]);
    expect(statusByFile.get("webhooks-v3/signed/pagey.ping.json")).toBe(200);
  });

  it("logs a verdict for each: applied, ignored (not incident data) or duplicate", async () => {
    const rows = await database.db.$queryRaw<{ verdict: string; count: number }[]>`
      SELECT verdict::text, count(*)::int AS count FROM webhook_deliveries GROUP BY verdict ORDER BY verdict`;
    expect(rows).toEqual([
      { verdict: "applied", count: 27 },
      { verdict: "duplicate", count: 1 },
      // trigger_without_assignee_v2 repeats trigger_v2's message id: the duplicate.
      { verdict: "ignored", count: 9 },
    ]);
    const ignored = await database.db.webhookDelivery.findMany({
      where: { verdict: "ignored" },
      select: { eventType: true },
      orderBy: { eventType: "asc" },
    });
    expect(ignored.map((row) => row.eventType)).toEqual([
      "incident.conference_bridge.updated",
      "incident.unsupported",
      "incident.unsupported",
      "incident.workflow.completed",
      "incident.workflow.completed",
      "incident.workflow.started",
      "pagey.ping",
      "service.created",
      "service.deleted",
    ]);
  });

  it("keeps the 2026 major incident's last state: P2 on service APIs, every step recorded", async () => {
    const stored = await incident("Q3B15VLMF3ASBD");
    expect(stored).toMatchObject({
      number: 5,
      title: "Critical: Checkout API High Latency",
      status: "triggered",
      priority: "P2",
      urgency: "high",
      createdAt: new Date("2026-04-01T02:07:30Z"),
      acknowledgedAt: null,
      resolvedAt: null,
    });
    expect(stored.service?.name).toBe("APIs");
    expect(stored.logEntries.map((entry) => [entry.type, entry.person?.name ?? null])).toEqual([
      ["escalate_log_entry", "Harsh Santwani"],
      ["delegate_log_entry", null],
      ["priority_change_log_entry", "Harsh Santwani"],
      ["status_update_log_entry", "Harsh Santwani"],
      ["annotate_log_entry", "Harsh Santwani"],
      ["responder_request_log_entry", "Harsh Santwani"],
      ["responder_reply_log_entry", "Harsh Santwani"],
      ["service_change_log_entry", "Harsh Santwani"],
    ]);
    expect(stored.logEntries[2]?.summary).toBe("Priority changed to P2 by Harsh Santwani");
  });

  it("reopens a resolved incident: triggered again, no resolve time", async () => {
    expect(await incident("Q05XJA8GDXGOB3")).toMatchObject({
      number: 4,
      status: "triggered",
      resolvedAt: null,
      priority: "P3",
      urgency: "low",
      createdAt: new Date("2026-03-30T13:37:07Z"),
    });
  });

  it("acknowledges after an acknowledgement timed out (2021 shape without created_at)", async () => {
    expect(await incident("PQ1K5C8")).toMatchObject({
      number: 10,
      status: "acknowledged",
      acknowledgedAt: new Date("2021-06-04T13:55:30.394Z"),
      // No created_at in the 2021 shape: the earliest event bounds it until the REST sync.
      createdAt: new Date("2021-06-04T13:54:23.185Z"),
    });
  });

  it("records a reassignment as an assignment to the assignee, not a page", async () => {
    const stored = await incident("PIQUG8X");
    expect(
      stored.logEntries.map((entry) => [entry.type, entry.person?.name, entry.summary]),
    ).toEqual([["assign_log_entry", "Test User", "Assigned to Test User by PIG 208"]]);
    expect(await database.db.page.count()).toBe(0);
  });

  it("calls an Events API trigger monitoring and a user's trigger staff", async () => {
    expect(await incident("QEXAMPLE3")).toMatchObject({
      detectionSource: "monitoring",
      detectionRule: "triggered by an integration (inbound integration)",
      triggerAgentType: "inbound_integration_reference",
    });
    expect(await incident("PFQZPSY")).toMatchObject({
      status: "triggered",
      detectionSource: "staff",
    });
    // No agent at all: nothing says who noticed it until the REST log brings the channel.
    expect(await incident("Q2X369CTEOAGYM")).toMatchObject({
      number: 320624,
      detectionSource: "unknown",
    });
  });

  it("files an incident under the teams its event lists", async () => {
    const stored = await incident("Q2X369CTEOAGYM");
    expect(stored.teams.length).toBeGreaterThan(0);
  });

  it("applies the legacy v2 messages with PagerDuty's own log entries", async () => {
    const stored = await incident("PRORDTY");
    expect(stored).toMatchObject({
      number: 33,
      title: "My new incident",
      status: "resolved",
      createdAt: new Date("2017-09-26T15:14:36Z"),
      acknowledgedAt: new Date("2017-09-26T15:15:17Z"),
      resolvedAt: new Date("2017-09-26T15:18:09Z"),
    });
    expect(stored.logEntries.map((entry) => [entry.type, entry.isFromWebhook])).toEqual([
      ["trigger_log_entry", false],
      ["acknowledge_log_entry", false],
      ["assign_log_entry", false],
      ["resolve_log_entry", false],
    ]);
    expect(stored.logEntries[2]?.person?.name).toBe("Wiley Jacobson");
  });

  it("resolves Aldaviva's #37 with its true first acknowledgement", async () => {
    expect(await incident("Q2CKYRLH85UNN4")).toMatchObject({
      status: "resolved",
      acknowledgedAt: new Date("2025-04-07T03:47:13.546Z"),
      resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
    });
  });
});
