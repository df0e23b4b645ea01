import { Prisma } from "@/prisma/generated/client/client";

/** The `page_channel` values a notification is counted under. */
export type PageChannelValue = "phone" | "sms" | "push" | "email" | "other";

const CHANNELS: Record<string, PageChannelValue> = {
  phone: "phone",
  phone_notification: "phone",
  voice: "phone",
  call: "phone",
  sms: "sms",
  sms_notification: "sms",
  text: "sms",
  push: "push",
  push_notification: "push",
  email: "email",
  email_notification: "email",
};

/**
 * A notify entry's notification type as PagerDuty spells it, over the years and the API's parts
 * (`sms` or `sms_notification`, `push_notification`, "by phone"), as the channel a page counts under.
 */
export function pageChannelOf(notificationType: string | null): PageChannelValue {
  if (notificationType === null) return "other";
  const key = notificationType
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return CHANNELS[key] ?? "other";
}

/**
 * `pageChannelOf` in SQL, for a text column: pages are written by one `INSERT … SELECT` from the
 * log entries, so the entries never travel to Node and back. Same normalisation (trim, lower
 * case, runs of spaces and dashes as one underscore) and the same table; the integration test
 * checks both agree.
 */
export function pageChannelSql(column: Prisma.Sql): Prisma.Sql {
  const key = Prisma.sql`regexp_replace(lower(regexp_replace(${column}, '^\\s+|\\s+$', '', 'g')), '[\\s-]+', '_', 'g')`;
  return Prisma.sql`coalesce((${Object.values(CHANNELS)}::text[])[array_position(${Object.keys(CHANNELS)}::text[], ${key})], 'other')::page_channel`;
}
