import type { NotificationsResponse } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

/** How many notifications the bell lists; older ones stay stored. */
export const NOTIFICATIONS_SHOWN = 50;

/** The account's newest notifications and how many of all of theirs are unread. */
export async function listNotifications(
  db: PrismaClient,
  userId: string,
): Promise<NotificationsResponse> {
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<
      { id: number; message: string; link: string | null; createdAt: Date; readAt: Date | null }[]
    >(
      Prisma.sql`
        SELECT id, message, link, created_at AS "createdAt", read_at AS "readAt"
        FROM notifications WHERE user_id = ${userId}
        ORDER BY created_at DESC, id DESC LIMIT ${NOTIFICATIONS_SHOWN}`,
    ),
    db.$queryRaw<{ unread: number }[]>(Prisma.sql`
      SELECT count(*)::int AS unread FROM notifications
      WHERE user_id = ${userId} AND read_at IS NULL`),
  ]);
  return {
    unread: count?.unread ?? 0,
    notifications: rows.map((row) => ({
      id: row.id,
      message: row.message,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}
