import { z } from "zod";

/** What became of a webhook delivery (the `webhook_verdict` enum). */
export const WEBHOOK_VERDICTS = [
  "pending",
  "applied",
  "duplicate",
  "ignored",
  "rejected",
  "failed",
] as const;
export type WebhookVerdict = (typeof WEBHOOK_VERDICTS)[number];

// A filter form leaves `?verdict=` in the URL when nothing is chosen: read that as "no filter".
const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** `GET /api/webhooks/deliveries?verdict=&eventType=&incident=&before=&limit=`. */
export const webhookDeliveriesQuerySchema = z.object({
  verdict: z.preprocess(blankAsUnset, z.enum(WEBHOOK_VERDICTS).optional()),
  eventType: z.preprocess(blankAsUnset, z.string().trim().max(100).optional()),
  /** An incident's PagerDuty id (exact), or its number when the text is digits. */
  incident: z.preprocess(blankAsUnset, z.string().trim().max(100).optional()),
  /** A delivery id: the page holds deliveries older than it (ids below it). */
  before: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveriesQuery = z.output<typeof webhookDeliveriesQuerySchema>;
export type WebhookDeliveryFilters = Pick<
  WebhookDeliveriesQuery,
  "verdict" | "eventType" | "incident"
>;

/**
 * The label names a subscription in `/api/webhooks/pagerduty/<label>`, so it must be a URL path
 * segment as typed.
 */
const labelPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** `POST /api/webhooks/secrets`: a PagerDuty webhook signing secret to verify deliveries with. */
export const saveWebhookSecretSchema = z.object({
  label: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        labelPattern,
        "Use 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. payments-prod).",
      )
      .default("default"),
  ),
  secret: z
    .string({ error: "Paste the signing secret PagerDuty showed when you saved the webhook." })
    .trim()
    .min(8, "A signing secret is at least 8 characters long.")
    .max(512, "A signing secret is at most 512 characters long.")
    .regex(
      /^[^\s,]+$/,
      "A signing secret has no spaces or commas; paste exactly the one PagerDuty shows.",
    ),
});
export type SaveWebhookSecretRequest = z.input<typeof saveWebhookSecretSchema>;
export type SaveWebhookSecretInput = z.output<typeof saveWebhookSecretSchema>;

/**
 * What applying a delivery changed, as the applier records it in `webhook_deliveries.changes`.
 * Read defensively: older rows, or rows of a later applier, may leave out any part.
 */
export interface WebhookDeliveryChanges {
  incident: {
    pagerdutyId: string;
    number: number | null;
    title: string;
    fields: Record<string, { before: unknown; after: unknown }>;
  } | null;
  logEntry: string | null;
}
