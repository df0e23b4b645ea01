import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { createPrismaCheckpointStore } from "./prisma-checkpoint-store";

const CURSOR = {
  version: 1,
  since: "2026-01-01T00:00:00Z",
  committedUntil: "2026-03-14T00:00:00Z",
  partial: { since: "2026-03-14T00:00:00Z", until: "2026-04-13T00:00:00Z", offset: 300 },
};

describe("createPrismaCheckpointStore", () => {
  const database = useTestDatabase();

  it("loads null for a resource never saved", async () => {
    expect(await createPrismaCheckpointStore(database.db).load("incidents")).toBeNull();
  });

  it("keeps the last cursor per resource across connections", async () => {
    const store = createPrismaCheckpointStore(database.db);
    await store.save("log_entries", { ...CURSOR, partial: null });
    await store.save("log_entries", CURSOR);
    await store.save("users", { version: 1, completedAt: "2026-04-13T08:00:00.000Z" });

    const other = createPrismaClient(database.url);
    try {
      const reloaded = createPrismaCheckpointStore(other);
      expect(await reloaded.load("log_entries")).toEqual(CURSOR);
      expect(await reloaded.load("users")).toEqual({
        version: 1,
        completedAt: "2026-04-13T08:00:00.000Z",
      });
    } finally {
      await other.$disconnect();
    }
    expect(await database.db.syncCheckpoint.count()).toBe(2);
  });

  it("refuses a cursor that is not JSON", async () => {
    const store = createPrismaCheckpointStore(database.db);
    await expect(store.save("oncalls", undefined)).rejects.toThrow(
      /oncalls sync checkpoint must be a JSON value/,
    );
  });
});
