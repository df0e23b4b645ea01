import { beforeAll, describe, expect, it } from "vitest";
import type { WebhookDeliveryRow } from "@/lib/server/queries/list-webhook-deliveries";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET } from "./route";

let admin: TestAccount;
const get = async (query = "", account: TestAccount | null = admin) => {
  const response = await GET(requestAs(account, `/api/webhooks/deliveries?${query}`), undefined);
  return { status: response.status, body: await response.json() };
};

describe("GET /api/webhooks/deliveries", () => {
  const database = useRouteTestDatabase();
  // The seeded deliveries' ids, in the order stored (oldest first).
  let ids: number[] = [];
  let checkoutIncidentId = 0;
  let searchIncidentId = 0;
  const idsOf = (body: { deliveries: WebhookDeliveryRow[] }) =>
    body.deliveries.map((delivery) => ids.indexOf(delivery.id) + 1);

  beforeAll(async () => {
    const { db } = database;
    const checkout = await db.incident.create({
      data: {
        pagerdutyId: "PINC101",
        number: 101,
        title: "Checkout returns 502",
        status: "acknowledged",
        createdAt: new Date("2026-11-20T09:59:00Z"),
      },
    });
    const search = await db.incident.create({
      data: {
        pagerdutyId: "PINC102",
        number: 102,
        title: "Search is slow",
        status: "resolved",
        createdAt: new Date("2026-11-20T08:00:00Z"),
      },
    });
    checkoutIncidentId = checkout.id;
    searchIncidentId = search.id;
    const seeds = [
      {
        eventType: "incident.triggered",
        eventId: "EV1",
        incidentPagerdutyId: "PINC101",
        verdict: "applied",
        subscription: "default",
        byteSize: 1834,
        appliedAt: new Date("2026-11-20T10:00:01Z"),
        changes: {
          incident: {
            pagerdutyId: "PINC101",
            number: 101,
            title: "Checkout returns 502",
            fields: { status: { before: null, after: "triggered" } },
          },
          logEntry: "trigger_log_entry by Events API",
        },
      },
      {
        eventType: "incident.acknowledged",
        eventId: "EV2",
        incidentPagerdutyId: "PINC101",
        verdict: "applied",
      },
      {
        eventType: "incident.resolved",
        eventId: "EV3",
        incidentPagerdutyId: "PINC102",
        verdict: "duplicate",
        verdictReason: "event EV3 was applied already",
      },
      {
        eventType: "incident.annotated",
        eventId: "EV4",
        incidentPagerdutyId: "PNOTIMPORTED",
        verdict: "ignored",
        verdictReason: "incident.annotated changes nothing Fairshift keeps",
        replayedFrom: "events-2026-11-20.ndjson",
      },
      { verdict: "rejected", verdictReason: "no secret verifies the signature", statusCode: 401 },
    ] as const;
    ids = [];
    for (const [index, seed] of seeds.entries()) {
      const delivery = await db.webhookDelivery.create({
        data: {
          ...seed,
          receivedAt: new Date(Date.UTC(2026, 10, 20, 10, index * 5)),
          body: Buffer.from(`{"event":"secret body ${index + 1}"}`),
          headers: { "x-webhook-id": `W${index + 1}` },
        },
      });
      ids.push(delivery.id);
    }
    admin = await signedInAccount(db, { roles: [{ role: "admin" }] });
  });

  it("lists every delivery newest first with its incident, and never the body", async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(idsOf(body)).toEqual([5, 4, 3, 2, 1]);
    expect(body.nextBefore).toBeNull();
    expect(body.eventTypes).toEqual([
      "incident.acknowledged",
      "incident.annotated",
      "incident.resolved",
      "incident.triggered",
    ]);
    expect(body.deliveries[4]).toEqual({
      id: ids[0],
      receivedAt: "2026-11-20T10:00:00.000Z",
      eventType: "incident.triggered",
      eventId: "EV1",
      incidentPagerdutyId: "PINC101",
      incidentId: checkoutIncidentId,
      incidentNumber: 101,
      incidentTitle: "Checkout returns 502",
      verdict: "applied",
      verdictReason: null,
      statusCode: 202,
      subscription: "default",
      byteSize: 1834,
      replayedFrom: null,
      appliedAt: "2026-11-20T10:00:01.000Z",
      changes: {
        incident: {
          pagerdutyId: "PINC101",
          number: 101,
          title: "Checkout returns 502",
          fields: { status: { before: null, after: "triggered" } },
        },
        logEntry: "trigger_log_entry by Events API",
      },
    });
    // A delivery for an incident Fairshift has not imported, and one refused before parsing.
    expect(body.deliveries[1]).toMatchObject({
      incidentPagerdutyId: "PNOTIMPORTED",
      incidentId: null,
      incidentNumber: null,
      incidentTitle: null,
      replayedFrom: "events-2026-11-20.ndjson",
    });
    expect(body.deliveries[0]).toMatchObject({
      eventType: null,
      verdict: "rejected",
      verdictReason: "no secret verifies the signature",
      statusCode: 401,
      byteSize: 0,
      changes: null,
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain("secret body");
    expect(text).not.toContain("x-webhook-id");
  });

  it("filters by verdict, event type and incident number or PagerDuty id", async () => {
    expect(idsOf((await get("verdict=applied")).body)).toEqual([2, 1]);
    expect(idsOf((await get("verdict=rejected")).body)).toEqual([5]);
    expect(idsOf((await get("verdict=failed")).body)).toEqual([]);
    expect(idsOf((await get("eventType=incident.resolved")).body)).toEqual([3]);
    expect(idsOf((await get("incident=101")).body)).toEqual([2, 1]);
    expect(idsOf((await get("incident=102")).body)).toEqual([3]);
    expect(idsOf((await get("incident=PINC102")).body)).toEqual([3]);
    expect(idsOf((await get("incident=PNOTIMPORTED")).body)).toEqual([4]);
    expect(idsOf((await get("incident=999")).body)).toEqual([]);
    expect(idsOf((await get("incident=pinc102")).body)).toEqual([]);
    expect(
      idsOf((await get("verdict=applied&eventType=incident.acknowledged&incident=101")).body),
    ).toEqual([2]);
    const search = (await get("incident=102")).body.deliveries[0];
    expect(search).toMatchObject({ incidentId: searchIncidentId, incidentTitle: "Search is slow" });
    // The event type filter still offers every type seen.
    expect((await get("eventType=incident.resolved")).body.eventTypes).toHaveLength(4);
  });

  it("reads empty filters, as a cleared form leaves them, as no filter", async () => {
    expect(idsOf((await get("verdict=&eventType=&incident=&before=")).body)).toEqual([
      5, 4, 3, 2, 1,
    ]);
  });

  it("pages older deliveries with the before cursor", async () => {
    const first = (await get("limit=2")).body;
    expect(idsOf(first)).toEqual([5, 4]);
    expect(first.nextBefore).toBe(ids[3]);
    const second = (await get(`limit=2&before=${first.nextBefore}`)).body;
    expect(idsOf(second)).toEqual([3, 2]);
    expect(second.nextBefore).toBe(ids[1]);
    const third = (await get(`limit=2&before=${second.nextBefore}`)).body;
    expect(idsOf(third)).toEqual([1]);
    expect(third.nextBefore).toBeNull();
    // A page that ends exactly at the last delivery has no next page.
    const exact = (await get("limit=5")).body;
    expect(idsOf(exact)).toEqual([5, 4, 3, 2, 1]);
    expect(exact.nextBefore).toBeNull();
  });

  it("pages within a filter", async () => {
    const first = (await get("verdict=applied&limit=1")).body;
    expect(idsOf(first)).toEqual([2]);
    expect(first.nextBefore).toBe(ids[1]);
    const second = (await get(`verdict=applied&limit=1&before=${first.nextBefore}`)).body;
    expect(idsOf(second)).toEqual([1]);
    expect(second.nextBefore).toBeNull();
  });

  it("refuses the log to anyone but an admin (it names incidents of every team)", async () => {
    expect((await get("", null)).status).toBe(401);
    const leadership = await signedInAccount(database.db, { roles: [{ role: "leadership" }] });
    const refused = await get("", leadership);
    expect(refused).toEqual({
      status: 403,
      body: {
        error: { code: "forbidden", message: "Only an admin can change data and settings." },
      },
    });
  });

  it("answers 400 naming the field for bad filters", async () => {
    const verdict = await get("verdict=accepted");
    expect(verdict.status).toBe(400);
    expect(verdict.body.error.code).toBe("bad_request");
    expect(verdict.body.error.message).toMatch(/^verdict: /);
    expect((await get("limit=0")).body.error.message).toMatch(/^limit: /);
    expect((await get("limit=201")).status).toBe(400);
    expect((await get("before=abc")).body.error.message).toMatch(/^before: /);
    expect((await get("before=-3")).status).toBe(400);
    expect((await get(`incident=${"x".repeat(101)}`)).body.error.message).toMatch(/^incident: /);
  });
});
