import { z } from "zod";
import { Prisma } from "@/prisma/generated/client/client";
import type { AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";
import { createAccount } from "./create-account";

export const firstAdminSchema = z.object({
  email: z
    .string({ error: "give the admin's e-mail address" })
    .trim()
    .min(1, "give the admin's e-mail address")
    .max(320, "at most 320 characters"),
  name: z.string().trim().max(200, "at most 200 characters").nullish(),
  // Length is checked with the account (create-account.ts), where every way in checks it.
  password: z.string({ error: "give a password" }),
});

export type FirstAdmin = z.infer<typeof firstAdminSchema>;

const FIRST_RUN_ACTOR: AuditActor = { userId: null, label: "first-run setup" };

/** Whether this installation still needs its first account (the first-run screen is offered). */
export async function isFirstRunNeeded(db: PrismaClient): Promise<boolean> {
  return (await db.authUser.count()) === 0;
}

/**
 * Makes the first admin, only while no account exists at all; null once one does. A
 * transaction-scoped advisory lock makes concurrent first runs take turns, so two browsers
 * submitting at once make one admin and one refusal, never two admins.
 */
export async function createFirstAdmin(
  db: PrismaClient,
  input: FirstAdmin,
): Promise<{ id: string; email: string; personId: number | null } | null> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw(
        Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('fairshift.first-admin'))::text`,
      );
      if ((await tx.authUser.count()) > 0) return null;
      return createAccount(
        tx,
        {
          email: input.email,
          name: input.name ?? undefined,
          password: input.password,
          roles: [{ role: "admin" }],
        },
        FIRST_RUN_ACTOR,
      );
    },
    // The password is hashed while the lock is held (about 0.1 s); leave room for a slow machine.
    { timeout: 15_000, maxWait: 15_000 },
  );
}
