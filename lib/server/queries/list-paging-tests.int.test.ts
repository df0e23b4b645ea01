import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { listPagingTests } from "./list-paging-tests";

const at = (iso: string) => new Date(iso);

describe("listPagingTests", () => {
  const database = useTestDatabase();
  const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };
  let alice = 0;
  let bob = 0;
  let firstTest = 0;
  let secondTest = 0;

  beforeAll(async () => {
    const db = database.db;
    alice = (
      await db.person.create({
        data: { name: "Alice Andersson", email: "alice@example.com", pagerdutyId: "PALICE1" },
      })
    ).id;
    bob = (
      await db.person.create({
        data: { name: "Bob Berg", email: "bob@example.com", pagerdutyId: "PBOB001" },
      })
    ).id;
    const service = await db.service.create({
      data: { name: "Paging test", pagerdutyId: "PTEST" },
    });
    const incident = (id: string, created: string, acknowledged: string | null, test = true) =>
      db.incident.create({
        data: {
          pagerdutyId: id,
          title: `Weekly paging test ${id}`,
          serviceId: service.id,
          status: "resolved",
          createdAt: at(created),
          acknowledgedAt: acknowledged ? at(acknowledged) : null,
          resolvedAt: at("2026-07-30T00:00:00Z"),
          detectionSource: test ? "test" : "monitoring",
        },
      });
    let entry = 0;
    const acknowledge = (incidentId: number, personId: number, when: string) => {
      entry += 1;
      return db.incidentLogEntry.create({
        data: {
          pagerdutyId: `ACK${entry}`,
          incidentId,
          type: "acknowledge_log_entry",
          at: at(when),
          agentType: "user_reference",
          agentPagerdutyId: personId === alice ? "PALICE1" : "PBOB001",
          personId,
        },
      });
    };
    const page = (
      incidentId: number,
      personId: number,
      channel: "phone" | "sms" | "push",
      when: string,
    ) => db.page.create({ data: { incidentId, personId, channel, at: at(when) } });

    // Test 1, Wednesday 1 July: Alice gets a push at :05 and a call at 1:05, Bob an SMS at :10;
    // Alice acknowledges at 1:35 (90 s after the first page), Bob never does.
    firstTest = (await incident("T1", "2026-07-01T09:00:00Z", "2026-07-01T09:01:35Z")).id;
    await page(firstTest, alice, "push", "2026-07-01T09:00:05Z");
    await page(firstTest, bob, "sms", "2026-07-01T09:00:10Z");
    await page(firstTest, alice, "phone", "2026-07-01T09:01:05Z");
    await acknowledge(firstTest, alice, "2026-07-01T09:01:35Z");
    // Test 2, Wednesday 8 July: both get a push at 09:00; Bob acknowledges after 240 s, Alice
    // after 300 s.
    secondTest = (await incident("T2", "2026-07-08T09:00:00Z", "2026-07-08T09:04:00Z")).id;
    await page(secondTest, alice, "push", "2026-07-08T09:00:00Z");
    await page(secondTest, bob, "push", "2026-07-08T09:00:00Z");
    await acknowledge(secondTest, bob, "2026-07-08T09:04:00Z");
    await acknowledge(secondTest, alice, "2026-07-08T09:05:00Z");

    // Not in scope: a real incident paging Alice, and a test in June.
    const real = await incident("R1", "2026-07-02T03:00:00Z", "2026-07-02T03:10:00Z", false);
    await page(real.id, alice, "phone", "2026-07-02T03:00:00Z");
    await acknowledge(real.id, alice, "2026-07-02T03:10:00Z");
    const june = await incident("T0", "2026-06-24T09:00:00Z", null);
    await page(june.id, bob, "push", "2026-06-24T09:00:00Z");
  });

  it("lists each test with its pages, acknowledger and time to acknowledge", async () => {
    const { tests } = await listPagingTests(database.db, { range: july });
    expect(tests).toEqual([
      {
        incidentId: firstTest,
        pagerdutyId: "T1",
        title: "Weekly paging test T1",
        serviceName: "Paging test",
        createdAt: at("2026-07-01T09:00:00Z"),
        acknowledgedAt: at("2026-07-01T09:01:35Z"),
        acknowledgedBy: { personId: alice, name: "Alice Andersson", pagerdutyId: "PALICE1" },
        firstPageAt: at("2026-07-01T09:00:05Z"),
        secondsToAcknowledge: 90,
        pages: [
          {
            personId: alice,
            name: "Alice Andersson",
            email: "alice@example.com",
            channel: "push",
            at: at("2026-07-01T09:00:05Z"),
          },
          {
            personId: bob,
            name: "Bob Berg",
            email: "bob@example.com",
            channel: "sms",
            at: at("2026-07-01T09:00:10Z"),
          },
          {
            personId: alice,
            name: "Alice Andersson",
            email: "alice@example.com",
            channel: "phone",
            at: at("2026-07-01T09:01:05Z"),
          },
        ],
      },
      expect.objectContaining({
        pagerdutyId: "T2",
        acknowledgedAt: at("2026-07-08T09:04:00Z"),
        // The first of the two acknowledgements.
        acknowledgedBy: { personId: bob, name: "Bob Berg", pagerdutyId: "PBOB001" },
        firstPageAt: at("2026-07-08T09:00:00Z"),
        secondsToAcknowledge: 240,
      }),
    ]);
    expect(tests[1]?.pages.map((page) => page.personId).sort()).toEqual([alice, bob].sort());
  });

  it("summarises each person: tests paged, acknowledged, and median seconds to acknowledge", async () => {
    const { people } = await listPagingTests(database.db, { range: july });
    expect(people).toEqual([
      // Alice acknowledged both: after 90 s and 300 s → median (90 + 300) / 2 = 195.
      {
        personId: alice,
        name: "Alice Andersson",
        email: "alice@example.com",
        tests: 2,
        acknowledged: 2,
        medianSecondsToAcknowledge: 195,
      },
      // Bob acknowledged only the second, after 240 s.
      {
        personId: bob,
        name: "Bob Berg",
        email: "bob@example.com",
        tests: 2,
        acknowledged: 1,
        medianSecondsToAcknowledge: 240,
      },
    ]);
  });

  it("answers a test nobody acknowledged with nulls", async () => {
    const june = { start: at("2026-06-01T00:00:00Z"), end: at("2026-07-01T00:00:00Z") };
    const { tests, people } = await listPagingTests(database.db, { range: june });
    expect(tests).toEqual([
      expect.objectContaining({
        pagerdutyId: "T0",
        acknowledgedAt: null,
        acknowledgedBy: null,
        firstPageAt: at("2026-06-24T09:00:00Z"),
        secondsToAcknowledge: null,
      }),
    ]);
    expect(people).toEqual([
      {
        personId: bob,
        name: "Bob Berg",
        email: "bob@example.com",
        tests: 1,
        acknowledged: 0,
        medianSecondsToAcknowledge: null,
      },
    ]);
  });
});
