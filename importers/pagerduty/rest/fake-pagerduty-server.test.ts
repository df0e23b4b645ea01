import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFakeAccount, resolveFakeIncident } from "./fake-pagerduty-account";
import { type FakePagerDutyServer, startFakePagerDutyServer } from "./fake-pagerduty-server";

const TOKEN = "fake-server-token";
const options = {
  seed: 42,
  incidents: 200,
  start: new Date("2026-01-05T00:00:00Z"),
  end: new Date("2026-03-02T00:00:00Z"),
};
const account = generateFakeAccount(options);
let server: FakePagerDutyServer;

beforeAll(async () => {
  server = await startFakePagerDutyServer({ account, token: TOKEN });
});
afterAll(() => server.close());

async function get(pathAndQuery: string, token = TOKEN) {
  const response = await fetch(`${server.url}${pathAndQuery}`, {
    headers: {
      Authorization: `Token token=${token}`,
      Accept: "application/vnd.pagerduty+json;version=2",
    },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("generateFakeAccount", () => {
  it("builds the same account from the same seed", () => {
    expect(JSON.stringify(generateFakeAccount(options))).toBe(JSON.stringify(account));
    expect(JSON.stringify(generateFakeAccount({ ...options, seed: 43 }))).not.toBe(
      JSON.stringify(account),
    );
  });

  it("has exactly the incidents asked for, numbered in creation order, and people in several zones", () => {
    expect(account.incidents).toHaveLength(200);
    expect(account.incidents.map((incident) => incident.incident_number)).toEqual(
      Array.from({ length: 200 }, (_, index) => index + 1),
    );
    expect(new Set(account.users.map((user) => user.time_zone)).size).toBeGreaterThanOrEqual(6);
    expect(account.users).toHaveLength(12);
  });

  it("writes notify entries both with user and notification and without them", () => {
    const notifies = account.log_entries.filter((entry) => entry.type === "notify_log_entry");
    const detailed = notifies.filter((entry) => entry.user !== undefined);
    const bare = notifies.filter((entry) => entry.user === undefined);
    expect(detailed.length).toBeGreaterThan(0);
    expect(bare.length).toBeGreaterThan(0);
    expect(detailed[0]?.channel).toMatchObject({
      type: "auto",
      notification: { status: "success" },
    });
    expect(bare[0]?.channel).toEqual({ type: "auto" });
    expect(bare[0]?.summary).toMatch(/^Notified .+ by (sms|phone|push notification|email)\.$/);
    const types = new Set(account.log_entries.map((entry) => entry.type));
    for (const type of ["trigger", "assign", "notify", "acknowledge", "escalate", "resolve"]) {
      expect(types).toContain(`${type}_log_entry`);
    }
  });

  it("gives some incidents an impact start", () => {
    const values = Object.values(account.custom_field_values).map((fields) => fields[0]?.value);
    expect(values.filter((value) => typeof value === "string").length).toBeGreaterThan(20);
    expect(values.filter((value) => value === null).length).toBeGreaterThan(20);
  });
});

describe("startFakePagerDutyServer", () => {
  it("pages with offset, limit, more and a null total unless total=true", async () => {
    const first = await get("/users?limit=5");
    expect(first.body).toMatchObject({ limit: 5, offset: 0, more: true, total: null });
    expect(first.body.users).toHaveLength(5);
    const last = await get("/users?limit=5&offset=10&total=true");
    expect(last.body).toMatchObject({ more: false, total: 12 });
    expect(first.headers.get("ratelimit-limit")).toBe("960");
  });

  it("lists incidents created in [since, until) in creation order, filtered by status", async () => {
    const since = "2026-02-01T00:00:00Z";
    const until = "2026-02-08T00:00:00Z";
    const expected = account.incidents.filter(
      (incident) =>
        incident.created_at >= since &&
        incident.created_at < until &&
        incident.status === "resolved",
    );
    const { body } = await get(
      `/incidents?since=${since}&until=${until}&statuses[]=resolved&limit=100&total=true`,
    );
    expect(body.total).toBe(expected.length);
    expect((body.incidents as { id: string }[]).map((incident) => incident.id)).toEqual(
      expected.map((incident) => incident.id),
    );
  });

  it("keeps notification details only with include[]=channels", async () => {
    const window = "since=2026-01-05T00:00:00Z&until=2026-01-20T00:00:00Z&limit=100";
    const withChannels = await get(`/log_entries?${window}&include[]=channels`);
    const without = await get(`/log_entries?${window}`);
    const notification = (body: Record<string, unknown>) =>
      (body.log_entries as { channel: { notification?: unknown } }[]).some(
        (entry) => entry.channel.notification,
      );
    expect(notification(withChannels.body)).toBe(true);
    expect(notification(without.body)).toBe(false);
  });

  it("refuses offset + limit over 10,000 with PagerDuty's error body", async () => {
    const { status, body } = await get("/log_entries?offset=9901&limit=100");
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        message: "Arguments Caused Error",
        code: 2002,
        errors: [
          "Offset+limit exceeds maximum allowed value of 10000. Please try to refine your search to reduce the returned set of records below this number, like adding a date range.",
        ],
      },
    });
  });

  it("refuses on-call ranges over 90 days and incident ranges over 6 months", async () => {
    expect(
      (await get("/oncalls?since=2026-01-01T00:00:00Z&until=2026-04-02T00:00:00Z")).status,
    ).toBe(400);
    expect(
      (await get("/oncalls?since=2026-01-01T00:00:00Z&until=2026-04-01T00:00:00Z")).status,
    ).toBe(200);
    expect(
      (await get("/incidents?since=2026-01-01T00:00:00Z&until=2026-07-02T00:00:00Z")).status,
    ).toBe(400);
  });

  it("lists on-calls overlapping the range", async () => {
    const { body } = await get(
      "/oncalls?since=2026-01-12T00:00:00Z&until=2026-01-12T00:00:01Z&limit=100",
    );
    // Three teams, two levels: one shift each at any instant.
    expect(body.oncalls).toHaveLength(6);
  });

  it("answers a wrong token with 401 and PagerDuty's error body", async () => {
    const { status, body } = await get("/users", "nope");
    expect(status).toBe(401);
    expect(body).toEqual({ error: { message: "Authentication required", code: 2006 } });
  });

  it("serves an incident and its custom field values, and 404 for an unknown one", async () => {
    const incident = account.incidents[3];
    expect((await get(`/incidents/${incident?.id}`)).body.incident).toEqual(incident);
    expect(
      (await get(`/incidents/${incident?.id}/custom_fields/values`)).body.custom_fields,
    ).toEqual(account.custom_field_values[incident?.id ?? ""]);
    expect((await get("/incidents/QNOPE")).status).toBe(404);
  });

  it("injects 429s with and without headers and 5xx, counting from setFaults", async () => {
    server.setFaults({ rateLimitEvery: 2, rateLimitResetSeconds: 9 });
    expect((await get("/teams")).status).toBe(200);
    const limited = await get("/teams");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-reset")).toBe("9");
    server.setFaults({ rateLimitWithoutHeadersEvery: 1 });
    const bare = await get("/teams");
    expect(bare.status).toBe(429);
    expect(bare.headers.get("ratelimit-reset")).toBeNull();
    server.setFaults({ serverErrorEvery: 1 });
    expect((await get("/teams")).status).toBeGreaterThanOrEqual(500);
    server.setFaults({});
  });

  it("serves a resolution made between runs", async () => {
    // Two busy days: some incidents are still open at the end.
    const recent = generateFakeAccount({
      ...options,
      incidents: 60,
      start: new Date("2026-03-01T00:00:00Z"),
      end: new Date("2026-03-03T00:00:00Z"),
    });
    const open = recent.incidents.find((incident) => incident.status !== "resolved");
    if (!open) throw new Error("fixture has no open incident");
    const recentServer = await startFakePagerDutyServer({ account: recent });
    try {
      const before = await fetch(
        `${recentServer.url}/log_entries?since=2026-03-03T00:00:00Z&until=2026-03-04T00:00:00Z`,
        {
          headers: { Authorization: "Token token=any" },
        },
      ).then((response) => response.json());
      expect(before).toMatchObject({ log_entries: [] });
      resolveFakeIncident(recent, open.id, new Date("2026-03-03T10:00:00Z"));
      const after = await fetch(
        `${recentServer.url}/log_entries?since=2026-03-03T00:00:00Z&until=2026-03-04T00:00:00Z`,
        {
          headers: { Authorization: "Token token=any" },
        },
      ).then((response) => response.json());
      expect(after).toMatchObject({
        log_entries: [{ type: "resolve_log_entry", incident: { id: open.id } }],
      });
      const incident = await fetch(`${recentServer.url}/incidents/${open.id}`, {
        headers: { Authorization: "Token token=any" },
      }).then((response) => response.json());
      expect(incident).toMatchObject({
        incident: { status: "resolved", resolved_at: "2026-03-03T10:00:00Z" },
      });
    } finally {
      await recentServer.close();
    }
  });
});
