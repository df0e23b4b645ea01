import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FIXTURES_DIRECTORY } from "@/importers/pagerduty/map/testing/read-fixture";
import { drainPendingDeliveries } from "@/importers/pagerduty/webhooks/apply-pending-deliveries";
import { webhookRequest } from "@/importers/pagerduty/webhooks/testing/webhook-request";
import { signBody } from "@/importers/pagerduty/webhooks/verify-signature";
import { forgetCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { POST as postSubscription } from "./[subscription]/route";
import { POST } from "./route";

// `after()` needs Next's request scope: the tests run the scheduled work themselves, or, to
// play a crash between answering and applying, never run it.
const scheduled = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    scheduled.push(task);
  },
}));

const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIRECTORY, name));
const SIGNED: Record<string, { secret: string; signature: string }> = JSON.parse(
  fixture("webhooks-v3/signed/signatures.json").toString("utf8"),
);
const ALDAVIVA_SECRET = SIGNED["pagey.ping.json"]?.secret ?? "";
const OUR_SECRET = "fairshift-test-secret-0123456789";

// Plays a database that refuses the write, to see PagerDuty told to retry.
const storage = vi.hoisted(() => ({ isBroken: false }));
vi.mock("@/importers/pagerduty/webhooks/store-webhook-delivery", async (importOriginal) => {
  const original =
    await importOriginal<typeof import("@/importers/pagerduty/webhooks/store-webhook-delivery")>();
  return {
    ...original,
    storeDeliveries: (...args: Parameters<typeof original.storeDeliveries>) =>
      storage.isBroken
        ? Promise.reject(new Error("connection terminated unexpectedly"))
        : original.storeDeliveries(...args),
  };
});

interface PostOptions {
  signature?: string | null;
  contentType?: string | null;
  webhookId?: string;
  subscription?: string;
}

function post(body: Uint8Array | string, options: PostOptions = {}): Promise<Response> {
  const url = `http://localhost/api/webhooks/pagerduty${options.subscription ? `/${options.subscription}` : ""}`;
  const request = webhookRequest(body, { ...options, secrets: [OUR_SECRET], url });
  return options.subscription
    ? postSubscription(request, { params: Promise.resolve({ subscription: options.subscription }) })
    : POST(request);
}

/** Posts a fixture file's exact bytes, with its published signature when it has one. */
function postFixture(name: string, options: PostOptions = {}): Promise<Response> {
  const signed = SIGNED[path.basename(name)];
  return post(fixture(name), {
    ...(signed && name.includes("/signed/") ? { signature: signed.signature } : {}),
    ...options,
  });
}

async function runScheduled(): Promise<void> {
  const tasks = scheduled.splice(0, scheduled.length);
  for (const task of tasks) await task();
}

describe("POST /api/webhooks/pagerduty", () => {
  const database = useRouteTestDatabase();
  const previousSecrets = process.env.PAGERDUTY_WEBHOOK_SECRETS;

  beforeEach(async () => {
    process.env.PAGERDUTY_WEBHOOK_SECRETS = `${ALDAVIVA_SECRET},${OUR_SECRET}`;
    scheduled.length = 0;
    // Saved secrets are cached for a few seconds; the tests write them straight to the table.
    forgetCachedWebhookSecrets();
    await database.db
      .$executeRaw`TRUNCATE incidents, incident_log_entries, webhook_deliveries, applied_webhook_events, webhook_secrets, services, people, escalation_policies, teams RESTART IDENTITY CASCADE`;
  });
  afterEach(() => {
    if (previousSecrets === undefined) delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
    else process.env.PAGERDUTY_WEBHOOK_SECRETS = previousSecrets;
  });

  const incident = (pagerdutyId: string) =>
    database.db.incident.findUnique({
      where: { pagerdutyId },
      include: { service: true, logEntries: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
  const deliveries = () => database.db.webhookDelivery.findMany({ orderBy: { id: "asc" } });
  const incidentCount = () => database.db.incident.count();

  describe("Aldaviva's signed captures, with their real signatures", () => {
    it("answers each within the request, then applies them into one incident #37", async () => {
      for (const name of [
        "incident.triggered.json",
        "incident.acknowledged.json",
        "incident.resolved.json",
        "incident.annotated.json",
      ]) {
        const response = await postFixture(`webhooks-v3/signed/${name}`);
        expect(response.status, name).toBe(202);
        expect(await response.json()).toMatchObject({ verdict: "pending" });
      }
      // Stored before it is applied: the incident does not exist until the applier runs.
      expect(await incidentCount()).toBe(0);
      expect((await deliveries()).map((delivery) => delivery.verdict)).toEqual([
        "pending",
        "pending",
        "pending",
        "pending",
      ]);
      await runScheduled();

      const stored = await incident("Q2CKYRLH85UNN4");
      expect(stored).toMatchObject({
        number: 37,
        title: "Test",
        urgency: "low",
        priority: null,
        status: "resolved",
        incidentKey: "dfead9d88e0649e8b7dee514b1875756",
        createdAt: new Date("2025-04-07T03:47:13Z"),
        acknowledgedAt: new Date("2025-04-07T03:47:13.546Z"),
        resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
        triggerAgentType: "user_reference",
        detectionSource: "staff",
        detectionRule: "triggered by a person",
        isPlaceholder: false,
      });
      expect(stored?.service?.name).toBe("Webhook Tester");
      expect(
        stored?.logEntries.map((entry) => [entry.type, entry.summary, entry.isFromWebhook]),
      ).toEqual([
        ["trigger_log_entry", "Triggered by Ben", true],
        ["acknowledge_log_entry", "Acknowledged by Ben", true],
        ["resolve_log_entry", "Resolved by Ben", true],
        ["annotate_log_entry", "Note by Ben: Resolution Note: I'm resolving it", true],
      ]);
      // Webhooks carry no notifications: no page is invented from them.
      expect(await database.db.page.count()).toBe(0);
      const log = await deliveries();
      expect(
        log.map((delivery) => [delivery.eventType, delivery.verdict, delivery.statusCode]),
      ).toEqual([
        ["incident.triggered", "applied", 202],
        ["incident.acknowledged", "applied", 202],
        ["incident.resolved", "applied", 202],
        ["incident.annotated", "applied", 202],
      ]);
    });

    it("logs what each delivery changed, field by field", async () => {
      for (const name of ["triggered", "acknowledged", "resolved"]) {
        await postFixture(`webhooks-v3/signed/incident.${name}.json`);
        // One at a time: the applier applies several deliveries at once, in any order.
        await runScheduled();
      }
      const log = await deliveries();
      expect(log[2]?.changes).toEqual([
        {
          incident: {
            pagerdutyId: "Q2CKYRLH85UNN4",
            number: 37,
            title: "Test",
            fields: {
              status: { before: "acknowledged", after: "resolved" },
              "resolved at": { before: null, after: "2025-04-07T03:49:36.358Z" },
            },
          },
          logEntry: "resolve_log_entry: Resolved by Ben",
          notes: [],
        },
      ]);
    });

    it("answers pagey.ping 200 and logs it as ignored", async () => {
      const response = await postFixture("webhooks-v3/signed/pagey.ping.json");
      expect(response.status).toBe(200);
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({
        eventType: "pagey.ping",
        verdict: "ignored",
        statusCode: 200,
      });
      expect(delivery?.byteSize).toBe(264);
      expect(scheduled).toHaveLength(0);
    });

    it("refuses the published invalid signature with 401 and keeps the refusal in the log", async () => {
      const invalid = JSON.parse(
        fixture("webhooks-v3/signed/signatures.invalid.json").toString("utf8"),
      )["pagey.ping.json"].signature as string;
      const response = await post(fixture("webhooks-v3/signed/pagey.ping.json"), {
        signature: invalid,
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toBe(
        "the signature matches none of the 2 active secrets (signed with another secret, or the body was changed on the way)",
      );
      expect(await deliveries()).toMatchObject([{ verdict: "rejected", statusCode: 401 }]);
    });
  });

  it("applies the same incident whatever order its events arrive in", async () => {
    const inOrder = ["triggered", "acknowledged", "resolved", "annotated"];
    const snapshots = [];
    for (const order of [
      inOrder,
      [...inOrder].reverse(),
      ["resolved", "annotated", "triggered", "acknowledged"],
    ]) {
      await database.db
        .$executeRaw`TRUNCATE incidents, incident_log_entries, webhook_deliveries, applied_webhook_events RESTART IDENTITY CASCADE`;
      for (const name of order) {
        expect((await postFixture(`webhooks-v3/signed/incident.${name}.json`)).status).toBe(202);
        // Applied one by one, so each late event meets a state a later one already set.
        await runScheduled();
      }
      const stored = await incident("Q2CKYRLH85UNN4");
      snapshots.push({
        status: stored?.status,
        createdAt: stored?.createdAt,
        acknowledgedAt: stored?.acknowledgedAt,
        resolvedAt: stored?.resolvedAt,
        statusChangedAt: stored?.statusChangedAt,
        title: stored?.title,
        entries: stored?.logEntries.map((entry) => entry.type),
      });
    }
    expect(snapshots[0]).toMatchObject({
      status: "resolved",
      acknowledgedAt: new Date("2025-04-07T03:47:13.546Z"),
      resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
    });
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
  });

  describe("duplicates", () => {
    it("answers a delivery PagerDuty retries after it was applied with 200 duplicate, changing nothing", async () => {
      await postFixture("webhooks-v3/signed/incident.triggered.json");
      await runScheduled();
      const before = await incident("Q2CKYRLH85UNN4");
      const retry = await postFixture("webhooks-v3/signed/incident.triggered.json");
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ verdict: "duplicate" });
      await runScheduled();
      expect(await incident("Q2CKYRLH85UNN4")).toEqual(before);
      expect((await deliveries()).map((delivery) => delivery.verdict)).toEqual([
        "applied",
        "duplicate",
      ]);
    });

    it("applies only one of two copies that arrive before either is applied", async () => {
      await postFixture("webhooks-v3/signed/incident.acknowledged.json");
      await postFixture("webhooks-v3/signed/incident.acknowledged.json");
      await runScheduled();
      // Applied side by side, either copy may win; the other is the duplicate.
      const log = await deliveries();
      expect(log.map((delivery) => delivery.verdict).sort()).toEqual(["applied", "duplicate"]);
      const [winner, loser] = [...log].sort((a, b) => a.verdict.localeCompare(b.verdict));
      expect(loser?.verdictReason).toBe(`already applied from delivery ${winner?.id}`);
      expect(await database.db.incidentLogEntry.count()).toBe(1);
    });

    it("dedupes on X-Webhook-Id when a v3 event has no id", async () => {
      const body = fixture("webhooks-v3/signed/incident.triggered.json")
        .toString("utf8")
        .replace('"id":"01FKZSRAPTMF55RE69G8BQHGC6",', "");
      await post(body, { webhookId: "wh-1" });
      await runScheduled();
      const again = await post(body, { webhookId: "wh-1" });
      expect(again.status).toBe(200);
      expect((await deliveries()).map((delivery) => delivery.verdict)).toEqual([
        "applied",
        "duplicate",
      ]);
    });
  });

  describe("secrets", () => {
    const body = () => fixture("webhooks-v3/signed/incident.triggered.json");

    it("accepts either of two secrets while one is rotated, and a header carrying both", async () => {
      process.env.PAGERDUTY_WEBHOOK_SECRETS = "old-secret-aaaaaaaa,new-secret-bbbbbbbb";
      expect(
        (await post(body(), { signature: signBody(body(), ["old-secret-aaaaaaaa"]) })).status,
      ).toBe(202);
      expect(
        (await post(body(), { signature: signBody(body(), ["new-secret-bbbbbbbb"]) })).status,
      ).toBe(202);
      const both = signBody(body(), ["retired-secret-cccc", "new-secret-bbbbbbbb"]);
      expect(both.split(",")).toHaveLength(2);
      expect((await post(body(), { signature: both })).status).toBe(202);
      process.env.PAGERDUTY_WEBHOOK_SECRETS = "new-secret-bbbbbbbb";
      expect(
        (await post(body(), { signature: signBody(body(), ["old-secret-aaaaaaaa"]) })).status,
      ).toBe(401);
    });

    it("verifies a per-subscription URL with that subscription's saved secret only", async () => {
      delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
      await database.db.webhookSecret.createMany({
        data: [
          { label: "eu", secret: "eu-secret-11111111" },
          { label: "us", secret: "us-secret-22222222" },
        ],
      });
      forgetCachedWebhookSecrets();
      const euSigned = signBody(body(), ["eu-secret-11111111"]);
      expect((await post(body(), { signature: euSigned, subscription: "eu" })).status).toBe(202);
      expect((await post(body(), { signature: euSigned, subscription: "us" })).status).toBe(401);
      // The shared URL takes every active secret.
      expect((await post(body(), { signature: euSigned })).status).toBe(202);
      const eu = await database.db.webhookSecret.findFirst({ where: { label: "eu" } });
      expect(eu?.lastUsedAt).not.toBeNull();
      await database.db.webhookSecret.updateMany({
        where: { label: "eu" },
        data: { revokedAt: new Date() },
      });
      forgetCachedWebhookSecrets();
      expect((await post(body(), { signature: euSigned, subscription: "eu" })).status).toBe(401);
      expect((await deliveries()).map((delivery) => delivery.subscription)).toEqual([
        "eu",
        "us",
        "eu",
        "eu",
      ]);
    });

    it("refuses every delivery with a message when no secret is configured", async () => {
      delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
      const response = await post(body());
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toMatch(/no webhook secret is configured/);
    });
  });

  it("answers 503 when the delivery cannot be stored, so PagerDuty retries; the retry applies", async () => {
    storage.isBroken = true;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = await postFixture("webhooks-v3/signed/incident.triggered.json");
    storage.isBroken = false;
    error.mockRestore();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await deliveries()).toEqual([]);
    expect(scheduled).toHaveLength(0);
    const retried = await postFixture("webhooks-v3/signed/incident.triggered.json");
    expect(retried.status).toBe(202);
    await runScheduled();
    expect(await incident("Q2CKYRLH85UNN4")).toMatchObject({ status: "triggered", number: 37 });
  });

  it("applies a delivery stored before a crash when the next process starts", async () => {
    expect((await postFixture("webhooks-v3/signed/incident.triggered.json")).status).toBe(202);
    expect((await postFixture("webhooks-v3/signed/incident.resolved.json")).status).toBe(202);
    // The process dies here: the scheduled applies never run.
    scheduled.length = 0;
    expect(await incidentCount()).toBe(0);
    // An applier that claimed the second delivery also died mid-way; its lease has run out.
    await database.db.webhookDelivery.update({
      where: { id: 2 },
      data: { attempts: 1, claimedUntil: new Date(Date.now() - 1_000) },
    });
    const recovered = await drainPendingDeliveries(database.db);
    expect(recovered).toMatchObject({ claimed: 2, applied: 2, failed: 0, retrying: 0 });
    expect(await incident("Q2CKYRLH85UNN4")).toMatchObject({
      status: "resolved",
      resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
    });
    expect((await deliveries()).map((delivery) => [delivery.verdict, delivery.attempts])).toEqual([
      ["applied", 1],
      ["applied", 2],
    ]);
  });

  it("re-applies a delivery whose events were applied but whose verdict was not written", async () => {
    await postFixture("webhooks-v3/signed/incident.triggered.json");
    await runScheduled();
    // As if the process died between the apply's commit and the verdict.
    await database.db.webhookDelivery.update({ where: { id: 1 }, data: { verdict: "pending" } });
    expect(await drainPendingDeliveries(database.db)).toMatchObject({ applied: 1, duplicate: 0 });
    expect(await database.db.incidentLogEntry.count()).toBe(1);
  });

  describe("bad input: the right status, a log line, no incident changed", () => {
    beforeEach(async () => {
      await postFixture("webhooks-v3/signed/incident.triggered.json");
      await runScheduled();
    });

    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ["bad JSON", () => post('{"event":{"id":'), 400, /not valid JSON/],
      [
        "a wrong content type",
        () =>
          post(fixture("webhooks-v3/signed/incident.resolved.json"), { contentType: "text/plain" }),
        415,
        /Content-Type must be application\/json \(got "text\/plain"\)/,
      ],
      [
        "an unknown shape",
        () => post('{"incident":{"id":"Q2CKYRLH85UNN4"}}'),
        422,
        /neither a v3 webhook/,
      ],
      [
        "a signature for another secret",
        () =>
          post(fixture("webhooks-v3/signed/incident.resolved.json"), {
            signature: signBody(fixture("webhooks-v3/signed/incident.resolved.json"), [
              "someone-else-secret",
            ]),
          }),
        401,
        /matches none of the 2 active secrets/,
      ],
      [
        "no signature",
        () => post(fixture("webhooks-v3/signed/incident.resolved.json"), { signature: null }),
        401,
        /X-PagerDuty-Signature header is missing/,
      ],
      [
        "a 10 MB body",
        () => post(`{"event":{"id":"x","data":"${"a".repeat(10 * 1024 * 1024)}"}}`),
        413,
        /at most 1048576 bytes/,
      ],
    ];

    it.each(cases)("%s", async (_name, send, status, reason) => {
      const before = await incident("Q2CKYRLH85UNN4");
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const response = await send();
      expect(response.status).toBe(status);
      expect((await response.json()).error.message).toMatch(reason);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(new RegExp(`^webhook ${status} delivery 2 - rejected: `)),
      );
      warn.mockRestore();
      await runScheduled();
      await drainPendingDeliveries(database.db);
      expect(await incident("Q2CKYRLH85UNN4")).toEqual(before);
      const [, refused] = await deliveries();
      expect(refused).toMatchObject({ verdict: "rejected", statusCode: status });
      expect(refused?.verdictReason).toMatch(reason);
    });

    it("a replayed delivery: 200 duplicate, nothing changed", async () => {
      const before = await incident("Q2CKYRLH85UNN4");
      const response = await postFixture("webhooks-v3/signed/incident.triggered.json");
      expect(response.status).toBe(200);
      await runScheduled();
      expect(await incident("Q2CKYRLH85UNN4")).toEqual(before);
    });

    it("a 10 MB body streamed without Content-Length is cut off at 1 MiB", async () => {
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 10 * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const request = new Request("http://localhost/api/webhooks/pagerduty", {
        method: "POST",
        headers: { "content-type": "application/json", "x-pagerduty-signature": "v1=00" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const response = await POST(request);
      warn.mockRestore();
      expect(response.status).toBe(413);
      expect(sent).toBeLessThan(2 * 1024 * 1024);
      const [, refused] = await deliveries();
      expect(refused?.body.byteLength).toBe(0);
    });
  });
});
