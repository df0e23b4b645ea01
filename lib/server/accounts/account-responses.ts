import type { AccountView } from "@/lib/shared/accounts-api";
import type { PrismaClient } from "../database/prisma-client";
import { listAccounts } from "./list-accounts";

/** One account as the accounts API answers it. */
export async function accountView(db: PrismaClient, id: string): Promise<AccountView | null> {
  const [account] = await listAccounts(db, { ids: [id] });
  return account ? { ...account, lastSignInAt: account.lastSignInAt?.toISOString() ?? null } : null;
}
