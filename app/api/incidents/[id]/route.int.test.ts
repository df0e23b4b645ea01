import { beforeAll, describe, expect, it } from "vitest";
import {
  requestAs,
  signedInAccount,
  TEST_ORIGIN,
  type TestAccount,
} from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, PATCH } from "./route";

let admin: TestAccount;
const context = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (id: string, account: TestAccount = admin) =>
  GET(requestAs(account, `/api/incidents/${id}`), context(id));
const patch = (id: string, body: unknown, account: TestAccount = admin) =>
  PATCH(
    new Request(`${TEST_ORIGIN}/api/incidents/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", cookie: account.cookie, origin: TEST_ORIGIN },
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
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
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

  it("records each correction in the audit trail with the values before and after", async () => {
    await patch(id, { detectionOverride: "monitoring" });
    const event = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "incident.corrected", subjectId: id },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorUserId: admin.userId, actorLabel: admin.email });
    expect(event.before).toMatchObject({ detectionOverride: null });
    expect(event.after).toMatchObject({
      detectionOverride: "monitoring",
      detectionSource: "monitoring",
    });
  });

  it("lets only an admin correct, and hides an incident of no team from a team's engineer", async () => {
    const leadership = await signedInAccount(database.db, { roles: [{ role: "leadership" }] });
    const before = await (await get(id)).json();
    const refused = await patch(id, { detectionOverride: "customer" }, leadership);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({
      code: "forbidden",
      message: "Only an admin can change data and settings.",
    });
    expect(await (await get(id)).json()).toEqual(before);
    // Leadership sees every incident; a team's engineer only their team's.
    expect((await get(id, leadership)).status).toBe(200);
    const team = await database.db.team.create({ data: { name: "Payments" } });
    await database.db.person.create({
      data: {
        name: "Ada",
        email: "ada@example.test",
        memberships: { create: { teamId: team.id } },
      },
    });
    const engineer = await signedInAccount(database.db, { email: "ada@example.test" });
    expect((await get(id, engineer)).status).toBe(404);
  });
});
