import { beforeAll, describe, expect, it } from "vitest";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, PATCH } from "./route";

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (id: string) => GET(new Request(`http://localhost/api/incidents/${id}`), context(id));
const patch = (id: string, body: unknown) =>
  PATCH(
    new Request(`http://localhost/api/incidents/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    context(id),
  );
const errorOf = async (response: Response) => ((await response.json()) as { error: unknown }).error;

describe("/api/incidents/{id}", () => {
  const database = useRouteTestDatabase();
  let id = "";

  beforeAll(async () => {
    const incident = await database.db.incident.create({
      data: {
        pagerdutyId: "Q1ROUTE",
        number: 7,
        title: "Card API 5xx",
        status: "resolved",
        createdAt: new Date("2026-07-02T10:00:00Z"),
        resolvedAt: new Date("2026-07-02T11:00:00Z"),
        triggerChannel: "web_trigger",
        triggerAgentType: "user_reference",
        detectionSource: "staff",
        detectionRule: "triggered by a person in the web app",
      },
    });
    id = String(incident.id);
  });

  it("answers the detail by Fairshift or PagerDuty id, and 404 for neither", async () => {
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: Number(id), number: 7, status: "resolved" });
    expect((await (await get("Q1ROUTE")).json()).id).toBe(Number(id));
    const missing = await get("QNOPE");
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({
      code: "not_found",
      message: 'No incident with the Fairshift or PagerDuty id "QNOPE".',
    });
  });

  it("saves an override and an impact start and answers the new detail", async () => {
    const response = await patch(id, {
      startedAt: "2026-07-02T11:45:00+02:00",
      detectionOverride: "customer",
    });
    expect(response.status).toBe(200);
    const detail = await response.json();
    expect(detail.detection).toMatchObject({
      source: "customer",
      rule: "manual override",
      override: "customer",
    });
    expect(detail.clock).toMatchObject({
      startedAt: "2026-07-02T09:45:00.000Z",
      startedAtSource: "manual",
      timeToDetect: { seconds: 900, reason: null },
    });
    const cleared = await (await patch(id, { detectionOverride: null })).json();
    expect(cleared.detection).toMatchObject({
      source: "staff",
      rule: "triggered by a person in the web app",
      override: null,
    });
    // Only the override was sent: the impact start stays.
    expect(cleared.clock.startedAt).toBe("2026-07-02T09:45:00.000Z");
  });

  it("refuses a bad body with 400, an impact start after creation with 422, an unknown id with 404", async () => {
    const before = await (await get(id)).json();
    expect(await errorOf(await patch(id, "{not json"))).toMatchObject({ code: "bad_request" });
    const badDate = await patch(id, { startedAt: "2 July, 9:45" });
    expect(badDate.status).toBe(400);
    expect(await errorOf(badDate)).toEqual({
      code: "bad_request",
      message:
        "startedAt: startedAt must be an ISO 8601 instant such as 2026-07-02T09:30:00Z (or null to clear it).",
    });
    const badSource = await patch(id, { detectionOverride: "pager" });
    expect(badSource.status).toBe(400);
    expect(((await errorOf(badSource)) as { message: string }).message).toContain(
      "detectionOverride must be one of monitoring, customer, staff, unknown, test",
    );
    expect((await patch(id, {})).status).toBe(400);

    const late = await patch(id, { startedAt: "2026-07-02T10:00:01Z", detectionOverride: "test" });
    expect(late.status).toBe(422);
    expect(await errorOf(late)).toEqual({
      code: "unprocessable",
      message:
        "impact start must be before the incident was created (2026-07-02T10:00:00.000Z); 2026-07-02T10:00:01.000Z is after it.",
    });
    expect(await (await get(id)).json()).toEqual(before);

    const unknown = await patch("QNOPE", { detectionOverride: "test" });
    expect(unknown.status).toBe(404);
  });
});
