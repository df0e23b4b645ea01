/**
 * Sync checkpoints in Postgres (`sync_checkpoints`: one JSON cursor per resource). Each save is
 * its own upsert, committed before `save` resolves, so a cursor never runs ahead of the data the
 * sink committed before it.
 */
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { Prisma } from "@/prisma/generated/client/client";
import type { CheckpointStore } from "./sync-types";

export function createPrismaCheckpointStore(db: PrismaClient): CheckpointStore {
  return {
    async load(resource) {
      const row = await db.syncCheckpoint.findUnique({ where: { resource } });
      return row?.cursor ?? null;
    },
    async save(resource, cursor) {
      const stored = toStoredJson(resource, cursor);
      await db.syncCheckpoint.upsert({
        where: { resource },
        create: { resource, cursor: stored },
        update: { cursor: stored },
      });
    },
  };
}

/** A JSON round trip, so what is stored is what `load` will return (no Dates, no undefined). */
function toStoredJson(resource: string, cursor: unknown): Prisma.InputJsonValue {
  const text = JSON.stringify(cursor);
  if (text === undefined || text === "null") {
    throw new Error(`The ${resource} sync checkpoint must be a JSON value other than null.`);
  }
  return JSON.parse(text) as Prisma.InputJsonValue;
}
