import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { Prisma } from "@/prisma/generated/client/client";
import { pageChannelOf, pageChannelSql } from "./page-channel";

// Every spelling the table knows, odd spacing and case, unknown types and none at all.
const notificationTypes = [
  "phone",
  "phone_notification",
  "voice",
  "call",
  "sms",
  "sms_notification",
  "text",
  "push",
  "push_notification",
  "email",
  "email_notification",
  "Email",
  "  SMS ",
  "push notification",
  "Phone - Notification",
  "sms--notification",
  "slack",
  "",
  "  ",
  "webhook_notification",
  null,
];

describe("pageChannelSql", () => {
  const database = useTestDatabase();

  it("gives the channel pageChannelOf gives, for every spelling", async () => {
    const rows = await database.db.$queryRaw<{ type: string | null; channel: string }[]>(Prisma.sql`
      SELECT t.type, ${pageChannelSql(Prisma.sql`t.type`)}::text AS channel
      FROM unnest(${notificationTypes}::text[]) WITH ORDINALITY AS t(type, n) ORDER BY t.n`);
    expect(rows.map((row) => row.channel)).toEqual(notificationTypes.map(pageChannelOf));
  });
});
