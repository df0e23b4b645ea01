import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { importFiles } from "./import-files";

// Both people in UTC: 03:00Z is inside the default sleep band (22:00–08:00), so one page then is
// a sleep-band call-out. Default policy: the incident is resolved 40 min after the page, which
// rounds up to 45 min, below the 2 h sleep minimum → 120 min, on a weekday → ×1 → 120 min.
const USERS = {
  users: [
    {
      id: "PALICE1",
      type: "user",
      name: "Alice Ames",
      email: "alice@example.com",
      time_zone: "UTC",
    },
    { id: "PBOBBY1", type: "user", name: "Bob Birk", email: "bob@example.com", time_zone: "UTC" },
  ],
};

interface Notify {
  at: string;
  userId: string;
  name: string;
  /** Another type: the entry was wrongly exported as a notification. */
  type?: string;
}

const incident = { id: "PINC001", type: "incident_reference", summary: "[#1] Disk full" };

/** The incident's log: triggered 02:58, one person notified by phone, resolved 03:40 (Tue 10 March 2026). */
function logEntries(notify: Notify) {
  return {
    log_entries: [
      {
        id: "RTRIGGER1",
        type: "trigger_log_entry",
        created_at: "2026-03-10T02:58:00Z",
        channel: { type: "api" },
        agent: { id: "PSVC001", type: "service_reference", summary: "Storage" },
        incident,
      },
      {
        id: "RNOTIFY1",
        type: notify.type ?? "notify_log_entry",
        created_at: notify.at,
        channel: { type: "auto", notification: { type: "phone_notification" } },
        user: { id: notify.userId, type: "user_reference", summary: notify.name },
        summary: `Notified ${notify.name} by phone.`,
        incident,
      },
      {
        id: "RRESOLVE1",
        type: "resolve_log_entry",
        created_at: "2026-03-10T03:40:00Z",
        channel: { type: "website" },
        agent: { id: "PBOBBY1", type: "user_reference", summary: "Bob Birk" },
        incident,
      },
    ],
  };
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "fairshift-reimport-"));
  const file = path.join(directory, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

const options = { format: "auto" as const, timeZone: null, isDryRun: false };

/** Each case in a database of its own: the first import is the same, the corrections differ. */
function useImportedLog() {
  const database = useTestDatabase();
  return {
    async importLog(notify: Notify) {
      const users = await writeJson("users.json", USERS);
      const log = await writeJson("log-entries.json", logEntries(notify));
      return importFiles(database.db, [users, log], options);
    },
    accrualLines() {
      return database.db.$queryRaw<{ name: string; occurredAt: Date; minutes: number }[]>`
        SELECT p.name, t.occurred_at AS "occurredAt", t.minutes FROM time_in_lieu_entries t
        JOIN people p ON p.id = t.person_id WHERE t.kind = 'accrual' ORDER BY t.occurred_at, p.name`;
    },
  };
}

const ALICE_AT_THREE = { at: "2026-03-10T03:00:00Z", userId: "PALICE1", name: "Alice Ames" };
const aliceLineAtThree = {
  name: "Alice Ames",
  occurredAt: new Date("2026-03-10T03:00:00Z"),
  minutes: 120,
};

describe("re-importing a notify entry corrected to five weeks later", () => {
  const { importLog, accrualLines } = useImportedLog();

  it("replaces Alice's 03:00 line by one at the new time", async () => {
    await importLog(ALICE_AT_THREE);
    expect(await accrualLines()).toEqual([aliceLineAtThree]);

    // Tue 14 April, 03:00: after the resolve, so no worked time; the 2 h sleep minimum stays.
    const again = await importLog({ ...ALICE_AT_THREE, at: "2026-04-14T03:00:00Z" });
    expect(await accrualLines()).toEqual([
      { name: "Alice Ames", occurredAt: new Date("2026-04-14T03:00:00Z"), minutes: 120 },
    ]);
    expect(again.derived?.accrualsWritten).toBe(2); // one line inserted, one deleted
  });
});

describe("re-importing a notify entry corrected to another person", () => {
  const { importLog, accrualLines } = useImportedLog();

  it("moves the 03:00 line from Alice to Bob", async () => {
    await importLog(ALICE_AT_THREE);
    expect(await accrualLines()).toEqual([aliceLineAtThree]);

    const again = await importLog({ ...ALICE_AT_THREE, userId: "PBOBBY1", name: "Bob Birk" });
    expect(await accrualLines()).toEqual([{ ...aliceLineAtThree, name: "Bob Birk" }]);
    expect(again.derived?.accrualsWritten).toBe(2);
  });
});

describe("re-importing a notify entry that turns out to be another kind of entry", () => {
  const { importLog, accrualLines } = useImportedLog();

  it("takes Alice's page and 03:00 line away", async () => {
    await importLog(ALICE_AT_THREE);
    expect(await accrualLines()).toEqual([aliceLineAtThree]);

    await importLog({ ...ALICE_AT_THREE, type: "annotate_log_entry" });
    expect(await accrualLines()).toEqual([]);
  });
});
