import type { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

type Writer = Pick<PrismaClient, "notification"> | Prisma.TransactionClient;

/**
 * One in-app notification to each of these accounts (duplicates once). Pass the transaction
 * that makes the change it reports, so a refused change notifies nobody.
 */
export async function notifyAccounts(
  db: Writer,
  userIds: readonly string[],
  notification: { message: string; link: string | null },
): Promise<number> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      message: notification.message,
      link: notification.link,
    })),
  });
  return count;
}
