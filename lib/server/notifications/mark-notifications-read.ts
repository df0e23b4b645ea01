import type { MarkNotificationsReadResponse } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

/**
 * Marks the account's own notifications read: these ids (others' ids are silently skipped, so
 * nobody learns they exist), or every unread one when `ids` is undefined. Returns what is left
 * unread.
 */
export async function markNotificationsRead(
  db: PrismaClient,
  userId: string,
  ids: readonly number[] | undefined,
  now: Date = new Date(),
): Promise<MarkNotificationsReadResponse> {
  const which = ids === undefined ? Prisma.sql`TRUE` : Prisma.sql`id = ANY(${[...ids]}::int[])`;
  await db.$executeRaw(Prisma.sql`
    UPDATE notifications SET read_at = ${now}
    WHERE user_id = ${userId} AND read_at IS NULL AND ${which}`);
  const [count] = await db.$queryRaw<{ unread: number }[]>(Prisma.sql`
    SELECT count(*)::int AS unread FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`);
  return { unread: count?.unread ?? 0 };
}
