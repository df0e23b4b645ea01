import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FIXTURES_DIRECTORY } from "@/importers/pagerduty/map/testing/read-fixture";
import { forgetCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { matchWebhookRequest, serveWebhookHttp } from "./serve-webhook-http";

const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIRECTORY, name));
const SIGNED: Record<string, { secret: string; signature: string }> = JSON.parse(
  fixture("webhooks-v3/signed/signatures.json").toString("utf8"),
);
const ALDAVIVA_SECRET = SIGNED["incident.triggered.json"]?.secret ?? "";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { verdict?: string; error?: { code: string; message: string } };
}

describe("the production server's webhook fast path (node:http)", () => {
  const database = useTestDatabase();
  let server: http.Server;
  let port = 0;
  const previousSecrets = process.env.PAGERDUTY_WEBHOOK_SECRETS;

  beforeAll(async () => {
    process.env.PAGERDUTY_WEBHOOK_SECRETS = ALDAVIVA_SECRET;
    // As production-server.ts routes: webhooks here, anything else to Next (here a plain 418).
    server = http.createServer((request, response) => {
      const webhook = matchWebhookRequest(request.method, request.url);
      if (!webhook) return void response.writeHead(418).end();
      void serveWebhookHttp(database.db, request, response, webhook.subscription);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    if (previousSecrets === undefined) delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
    else process.env.PAGERDUTY_WEBHOOK_SECRETS = previousSecrets;
  });
  beforeEach(async () => {
    forgetCachedWebhookSecrets();
    await database.db
      .$executeRaw`TRUNCATE incidents, incident_log_entries, webhook_deliveries, applied_webhook_events, webhook_secrets, services, people, escalation_policies, teams RESTART IDENTITY CASCADE`;
  });

  /** Posts `chunks` (chunked when no length is given) and reads the answer. */
  function post(
    urlPath: string,
    chunks: Buffer[],
    headers: Record<string, string | number> = {},
    method = "POST",
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, path: urlPath, method, headers },
        (response) => {
          const parts: Buffer[] = [];
          response.on("data", (part: Buffer) => parts.push(part));
          response.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: text ? JSON.parse(text) : {},
            });
          });
        },
      );
      // The server may answer (and close) before a refused body is all sent.
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
      });
      for (const chunk of chunks) request.write(chunk);
      request.end();
    });
  }

  const postFixture = (name: string, extraHeaders: Record<string, string> = {}) => {
    const body = fixture(`webhooks-v3/signed/${name}`);
    return post("/api/webhooks/pagerduty", [body], {
      "content-type": "application/json",
      "content-length": body.byteLength,
      "x-pagerduty-signature": SIGNED[name]?.signature ?? "",
      ...extraHeaders,
    });
  };

  async function waitForIncidentStatus(pagerdutyId: string, status: string): Promise<void> {
    await vi.waitFor(
      async () => {
        const incident = await database.db.incident.findUnique({ where: { pagerdutyId } });
        expect(incident?.status).toBe(status);
      },
      { timeout: 10_000, interval: 50 },
    );
  }

  it("answers Aldaviva's signed captures 202 with the Next route's headers, then applies them", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    for (const name of [
      "incident.triggered.json",
      "incident.acknowledged.json",
      "incident.resolved.json",
    ]) {
      const answer = await postFixture(name);
      expect(answer.status, name).toBe(202);
      expect(answer.body).toMatchObject({ verdict: "pending" });
      expect(answer.headers["cache-control"]).toBe("no-store, no-transform");
      expect(answer.headers["content-type"]).toBe("application/json");
    }
    // No one calls the applier here: the fast path kicked it once each answer was sent.
    await waitForIncidentStatus("Q2CKYRLH85UNN4", "resolved");
    const incident = await database.db.incident.findUnique({
      where: { pagerdutyId: "Q2CKYRLH85UNN4" },
    });
    expect(incident).toMatchObject({
      number: 37,
      acknowledgedAt: new Date("2025-04-07T03:47:13.546Z"),
      resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
    });
    const retry = await postFixture("incident.triggered.json");
    expect(retry).toMatchObject({ status: 200, body: { verdict: "duplicate" } });
    info.mockRestore();
  });

  it.each([
    [
      "a signature for another secret",
      { "x-pagerduty-signature": `v1=${"0".repeat(64)}` },
      401,
      /matches none/,
    ],
    ["no signature", { "x-pagerduty-signature": "" }, 401, /header is missing/],
    ["a form body", { "content-type": "text/plain" }, 415, /application\/json/],
  ])("refuses %s, logging the refusal", async (_name, headers, status, reason) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const body = fixture("webhooks-v3/signed/incident.resolved.json");
    const sent: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": body.byteLength,
      ...headers,
    };
    if (sent["x-pagerduty-signature"] === "") delete sent["x-pagerduty-signature"];
    const answer = await post("/api/webhooks/pagerduty", [body], sent);
    warn.mockRestore();
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toMatch(reason);
    expect(await database.db.webhookDelivery.findMany()).toMatchObject([
      { verdict: "rejected", statusCode: status },
    ]);
  });

  it("refuses a body over 1 MiB unread when its length is declared, and closes the connection", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await post("/api/webhooks/pagerduty", [Buffer.alloc(64 * 1024, 0x61)], {
      "content-type": "application/json",
      "content-length": 10 * 1024 * 1024,
    });
    warn.mockRestore();
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    const [refused] = await database.db.webhookDelivery.findMany();
    expect(refused).toMatchObject({ verdict: "rejected", statusCode: 413, byteSize: 10485760 });
    expect(refused?.body.byteLength).toBe(0);
  });

  it("cuts off a chunked body at 1 MiB", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x61));
    const answer = await post("/api/webhooks/pagerduty", chunks, {
      "content-type": "application/json",
    });
    warn.mockRestore();
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toMatch(/at most 1048576 bytes/);
  });

  it("answers 404 for a subscription label that cannot exist, storing nothing", async () => {
    const answer = await post("/api/webhooks/pagerduty/EU_prod", [Buffer.from("{}")], {
      "content-type": "application/json",
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.message).toMatch(/lower-case letters, digits and dashes/);
    expect(await database.db.webhookDelivery.count()).toBe(0);
  });

  it("leaves every other request to Next", async () => {
    const answer = await post("/api/webhooks/pagerduty", [], {}, "GET");
    expect(answer.status).toBe(418);
  });
});
