import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  requestAs,
  signedInAccount,
  TEST_ORIGIN,
  type TestAccount,
} from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let admin: TestAccount;
const post = async (body: unknown, account: TestAccount = admin) => {
  const response = await POST(
    new Request(`${TEST_ORIGIN}/api/webhooks/secrets`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: account.cookie, origin: TEST_ORIGIN },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    undefined,
  );
  return { status: response.status, body: await response.json() };
};
const list = async (account: TestAccount = admin) => {
  const response = await GET(requestAs(account, "/api/webhooks/secrets"), undefined);
  return { status: response.status, body: await response.json() };
};
const remove = async (id: string | number) => {
  const response = await DELETE(
    requestAs(admin, `/api/webhooks/secrets/${id}`, { method: "DELETE" }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: await response.json() };
};

const FIRST = "whsec_Q2hhbmdlTWVxLFn";
const SECOND = "whsec_c2Vjb25kIG9uZQ9aZ";

describe("/api/webhooks/secrets", () => {
  const database = useRouteTestDatabase();
  const previousSecrets = process.env.PAGERDUTY_WEBHOOK_SECRETS;
  beforeAll(async () => {
    process.env.PAGERDUTY_WEBHOOK_SECRETS = "env-secret-one, env-secret-two,,";
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });
  afterAll(() => {
    if (previousSecrets === undefined) delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
    else process.env.PAGERDUTY_WEBHOOK_SECRETS = previousSecrets;
  });
  let firstId = 0;
  let secondId = 0;

  it("saves a secret trimmed, with its label lower-cased, and answers with its hint only", async () => {
    const saved = await post({ label: " Payments-Prod ", secret: `  ${FIRST}  ` });
    expect(saved.status).toBe(201);
    expect(Object.keys(saved.body).sort()).toEqual([
      "createdAt",
      "hint",
      "id",
      "label",
      "lastUsedAt",
    ]);
    expect(saved.body).toMatchObject({ label: "payments-prod", hint: "…xLFn", lastUsedAt: null });
    expect(new Date(saved.body.createdAt).toISOString()).toBe(saved.body.createdAt);
    firstId = saved.body.id;
    const stored = await database.db.webhookSecret.findUniqueOrThrow({ where: { id: firstId } });
    expect(stored).toMatchObject({ label: "payments-prod", secret: FIRST, revokedAt: null });

    const defaulted = await post({ secret: SECOND });
    expect(defaulted.status).toBe(201);
    expect(defaulted.body).toMatchObject({ label: "default", hint: "…Q9aZ" });
    secondId = defaulted.body.id;
  });

  it("answers 400 naming the field for a bad label, secret or body", async () => {
    const label = await post({ label: "payments prod!", secret: "whsec_valid12345" });
    expect(label.status).toBe(400);
    expect(label.body.error).toEqual({
      code: "bad_request",
      message:
        "label: Use 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. payments-prod).",
    });
    expect((await post({ label: "-leading", secret: "whsec_valid12345" })).status).toBe(400);
    expect((await post({ label: "a".repeat(41), secret: "whsec_valid12345" })).status).toBe(400);

    const spaced = await post({ secret: "whsec_has space1" });
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.message).toBe(
      "secret: A signing secret has no spaces or commas; paste exactly the one PagerDuty shows.",
    );
    const comma = await post({ secret: "whsec_one,whsec_two" });
    expect(comma.body.error.message).toMatch(/^secret: .*no spaces or commas/);
    expect((await post({ secret: "short" })).body.error.message).toBe(
      "secret: A signing secret is at least 8 characters long.",
    );
    expect((await post({ label: "ops" })).body.error.message).toMatch(/^secret: /);
    const notJson = await post("{secret:");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe("The request body is not valid JSON.");
    // None of these was stored.
    expect(await database.db.webhookSecret.count()).toBe(2);
  });

  it("refuses a secret that is already active, under any label", async () => {
    const duplicate = await post({ label: "other", secret: FIRST });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error.code).toBe("unprocessable");
    expect(duplicate.body.error.message).toContain("already saved");
    expect(await database.db.webhookSecret.count()).toBe(2);
  });

  it("lists active secrets newest first with hints, never values, and counts env secrets", async () => {
    const usedAt = new Date("2026-11-20T10:00:00Z");
    await database.db.webhookSecret.update({
      where: { id: firstId },
      data: { lastUsedAt: usedAt },
    });
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.environmentSecretCount).toBe(2);
    expect(
      body.secrets.map((secret: { id: number; label: string; hint: string }) => [
        secret.id,
        secret.label,
        secret.hint,
      ]),
    ).toEqual([
      [secondId, "default", "…Q9aZ"],
      [firstId, "payments-prod", "…xLFn"],
    ]);
    expect(body.secrets[1].lastUsedAt).toBe("2026-11-20T10:00:00.000Z");
    expect(body.secrets[0].lastUsedAt).toBeNull();
    const text = JSON.stringify(body);
    for (const value of [FIRST, SECOND, "env-secret-one", "env-secret-two"]) {
      expect(text).not.toContain(value);
    }
  });

  it("counts no env secrets when PAGERDUTY_WEBHOOK_SECRETS is unset", async () => {
    delete process.env.PAGERDUTY_WEBHOOK_SECRETS;
    expect((await list()).body.environmentSecretCount).toBe(0);
    process.env.PAGERDUTY_WEBHOOK_SECRETS = "only-one-secret";
    expect((await list()).body.environmentSecretCount).toBe(1);
  });

  it("revokes a secret once; a second removal is 404 and the value may be added again", async () => {
    const revoked = await remove(firstId);
    expect(revoked).toEqual({ status: 200, body: { revoked: firstId } });
    const stored = await database.db.webhookSecret.findUniqueOrThrow({ where: { id: firstId } });
    expect(stored.revokedAt).toBeInstanceOf(Date);
    expect((await list()).body.secrets.map((secret: { id: number }) => secret.id)).toEqual([
      secondId,
    ]);

    const again = await remove(firstId);
    expect(again.status).toBe(404);
    expect(again.body.error).toEqual({
      code: "not_found",
      message: `No active webhook secret ${firstId}.`,
    });
    expect((await remove(987_654)).status).toBe(404);

    const readded = await post({ label: "payments-prod", secret: FIRST });
    expect(readded.status).toBe(201);
    expect(readded.body.id).not.toBe(firstId);
  });

  it("audits saves and revocations with the hint, never the secret", async () => {
    const events = await database.db.auditEvent.findMany({
      where: { subjectType: "webhook-secret" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.action, event.subjectId])).toEqual([
      ["webhook-secret.saved", String(firstId)],
      ["webhook-secret.saved", String(secondId)],
      ["webhook-secret.revoked", String(firstId)],
      ["webhook-secret.saved", expect.any(String)],
    ]);
    expect(events[0]?.after).toEqual({ label: "payments-prod", hint: "…xLFn" });
    expect(events.every((event) => event.actorLabel === admin.email)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(FIRST);
  });

  it("shows and changes secrets for an admin only", async () => {
    const leadership = await signedInAccount(database.db, { roles: [{ role: "leadership" }] });
    expect((await list(leadership)).status).toBe(403);
    const refused = await post({ secret: "whsec_from_leadership" }, leadership);
    expect(refused.status).toBe(403);
    expect(await database.db.webhookSecret.count({ where: { revokedAt: null } })).toBe(2);
  });

  it("answers 400 for an id that is not a positive integer", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const response = await remove(id);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(`"${id}" is not a webhook secret id.`);
    }
  });
});
