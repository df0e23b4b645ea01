import { describe, expect, it } from "vitest";
import { saveWebhookSecretSchema, webhookDeliveriesQuerySchema } from "./webhook-requests";

describe("webhookDeliveriesQuerySchema", () => {
  it("defaults the limit, coerces the cursor and reads blank filters as unset", () => {
    expect(webhookDeliveriesQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(
      webhookDeliveriesQuerySchema.parse({
        verdict: "",
        eventType: " ",
        incident: " 1234 ",
        before: "17",
        limit: "2",
      }),
    ).toEqual({ incident: "1234", before: 17, limit: 2 });
  });

  it("rejects unknown verdicts, cursors that are not positive ints and limits out of 1..200", () => {
    for (const query of [
      { verdict: "accepted" },
      { before: "0" },
      { before: "1.5" },
      { before: "3000000000" },
      { limit: "0" },
      { limit: "201" },
      { eventType: "e".repeat(101) },
    ]) {
      expect(webhookDeliveriesQuerySchema.safeParse(query).success).toBe(false);
    }
  });
});

describe("saveWebhookSecretSchema", () => {
  it("trims, lower-cases the label and defaults it to default", () => {
    expect(saveWebhookSecretSchema.parse({ label: " Ops-EU ", secret: " abcdefgh " })).toEqual({
      label: "ops-eu",
      secret: "abcdefgh",
    });
    expect(saveWebhookSecretSchema.parse({ secret: "abcdefgh" }).label).toBe("default");
    expect(saveWebhookSecretSchema.parse({ label: "  ", secret: "abcdefgh" }).label).toBe(
      "default",
    );
  });

  it("refuses labels that are not URL-safe slugs and secrets with blanks or commas", () => {
    for (const input of [
      { label: "ops eu", secret: "abcdefgh" },
      { label: "-ops", secret: "abcdefgh" },
      { label: "ops/eu", secret: "abcdefgh" },
      { label: "a".repeat(41), secret: "abcdefgh" },
      { secret: "abc defgh" },
      { secret: "abcd,efgh" },
      { secret: "abcdefg" },
      { secret: "a".repeat(513) },
      {},
    ]) {
      expect(saveWebhookSecretSchema.safeParse(input).success).toBe(false);
    }
    expect(
      saveWebhookSecretSchema.parse({ label: "a".repeat(40), secret: "a".repeat(512) }).label,
    ).toHaveLength(40);
  });
});
