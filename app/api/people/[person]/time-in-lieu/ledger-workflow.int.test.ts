import Papa from "papaparse";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { saveTimeInLieuPolicy } from "@/lib/server/queries/save-time-in-lieu-policy";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { createCallOut, nameAccount } from "@/lib/server/time-in-lieu/testing/ledger-fixtures";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import type {
  ClaimsResponse,
  LedgerHistoryResponse,
  NotificationsResponse,
} from "@/lib/shared/time-in-lieu-api";
import { POST as markRead } from "../../../notifications/read/route";
import { GET as getNotifications } from "../../../notifications/route";
import { POST as decide } from "../../../time-in-lieu/claims/[id]/decision/route";
import { GET as listClaims } from "../../../time-in-lieu/claims/route";
import { GET as exportCsv } from "../../../time-in-lieu/export/route";
import { POST as adjust } from "./adjustments/route";
import { POST as claim } from "./claims/route";
import { GET as history } from "./history/route";
import { GET as ledger } from "./route";

/**
 * Ada Lovelace's time in lieu over the first half of 2026, every number worked out by hand.
 * Everything is in UTC (Ada's zone; no public holidays), business hours 08–18 on weekdays, the
 * default policy (minimum 1 h off band, worked time rounded up to 15 min, no multiplier on a
 * weekday), and an organisation policy from 1 March that lets accruals lapse after 30 days
 * instead of 90:
 *
 *   Thu  1 Jan 20:00–23:00  call-out → 3 h, lapses  1 Apr 20:00 (90 days)
 *   Mon  2 Feb 20:00–22:00  call-out → 2 h, lapses  3 May 20:00 (90 days)
 *   Tue 17 Mar 20:00–21:00  call-out → 1 h, lapses 16 Apr 20:00 (30 days: the new policy)
 *
 *   11 Mar  Ada claims 4 h for Mon 16 Mar; Grace (manager of Payments) approves on 12 Mar.
 *           First in, first out the claim takes January's 3 h and 1 h of February's.
 *   16 Apr  the 17 March hour lapses untouched                      → expired 1 h
 *   20 Apr  Grace adds 1.5 h (never lapses); Ada claims 1 h for 24 Apr; Grace rejects it.
 *    3 May  the last hour of February's accrual lapses               → expired 2 h in all
 *
 * Owed: 1 h on 17 Mar, 2 h on 18 Mar, 1 h on 17 Apr, 1.5 h on 4 May (6 + 1.5 − 4 − 2).
 * Bo Berg (Payments) accrued 2.5 h on Wed 4 Feb and has a claim of 2 h for 27 Apr still pending.
 */
describe("the time-in-lieu ledger, claim to export, by hand", () => {
  const database = useRouteTestDatabase();
  let ada: TestAccount;
  let bo: TestAccount;
  let grace: TestAccount;
  let adaId: number;
  let adaClaimId: number;

  const params = (person: string | number) => ({
    params: Promise.resolve({ person: String(person) }),
  });
  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  const ledgerAsOf = async (account: TestAccount, asOf: string) => {
    const response = await ledger(
      requestAs(account, `/api/people/${adaId}/time-in-lieu?asOf=${asOf}`),
      params(adaId),
    );
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments" } });
    const adaPerson = await db.person.create({
      data: {
        name: "Ada Lovelace",
        email: "ada@example.test",
        pagerdutyId: "PADA001",
        timeZone: "UTC",
        memberships: { create: { teamId: payments.id } },
      },
    });
    adaId = adaPerson.id;
    const boPerson = await db.person.create({
      data: {
        name: "Bo Berg",
        email: "bo@example.test",
        timeZone: "UTC",
        memberships: { create: { teamId: payments.id } },
      },
    });
    for (const [start, end] of [
      ["2026-01-01T20:00:00Z", "2026-01-01T23:00:00Z"],
      ["2026-02-02T20:00:00Z", "2026-02-02T22:00:00Z"],
      ["2026-03-17T20:00:00Z", "2026-03-17T21:00:00Z"],
    ] as const) {
      await createCallOut(db, { personId: adaId, teamId: payments.id, start, end });
    }
    await createCallOut(db, {
      personId: boPerson.id,
      teamId: payments.id,
      start: "2026-02-04T20:00:00Z",
      end: "2026-02-04T22:30:00Z",
    });
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);

    ada = await signedInAccount(db, { email: "ada@example.test" });
    bo = await signedInAccount(db, { email: "bo@example.test" });
    grace = await signedInAccount(db, {
      email: "grace@example.test",
      roles: [{ role: "manager", teamId: payments.id }],
    });
    await nameAccount(db, grace, "Grace Hopper");
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("applies a policy change only to accruals from its effective date on", async () => {
    const before = await database.db.timeInLieuEntry.findMany({
      where: { personId: adaId, kind: "accrual" },
      orderBy: { occurredAt: "asc" },
    });
    // Under the default policy every accrual lapses after 90 days, the March one on 15 June.
    expect(before.map((line) => [line.minutes, line.expiresAt?.toISOString()])).toEqual([
      [180, "2026-04-01T20:00:00.000Z"],
      [120, "2026-05-03T20:00:00.000Z"],
      [60, "2026-06-15T20:00:00.000Z"],
    ]);

    const saved = await saveTimeInLieuPolicy(database.db, {
      teamId: null,
      effectiveFrom: "2026-03-01",
      minimumOffMinutes: 60,
      minimumSleepMinutes: 120,
      roundUpToMinutes: 15,
      capMinutes: 720,
      weekendMultiplierPercent: 150,
      holidayMultiplierPercent: 200,
      expiryDays: 30,
    });
    // Only the 17 March line is derived again and changes.
    expect(saved.timeInLieuRederived).toMatchObject({ accruals: 1, updated: 1 });

    const after = await database.db.timeInLieuEntry.findMany({
      where: { personId: adaId, kind: "accrual" },
      orderBy: { occurredAt: "asc" },
    });
    expect(after.map((line) => [line.id, line.minutes, line.expiresAt?.toISOString()])).toEqual([
      [before[0]?.id, 180, "2026-04-01T20:00:00.000Z"],
      [before[1]?.id, 120, "2026-05-03T20:00:00.000Z"],
      [before[2]?.id, 60, "2026-04-16T20:00:00.000Z"],
    ]);
  });

  it("11 March: Ada claims 4 h for 16 March; Grace is told and sees it in her queue", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2026-03-11T09:00:00Z");

    const before = await ledgerAsOf(ada, "2026-03-12");
    // 3 h + 2 h accrued; the 17 March call-out has not happened yet.
    expect(before.balance).toMatchObject({
      owedMinutes: 300,
      owedHours: 5,
      pendingClaimHours: 0,
      availableHours: 5,
    });
    expect(before.can).toEqual({ claim: true, adjust: false, decide: false });

    const response = await claim(
      requestAs(ada, `/api/people/${adaId}/time-in-lieu/claims`, {
        method: "POST",
        body: { hours: 4, date: "2026-03-16", note: "Long weekend", requestId: "ada-claim-0001" },
      }),
      params(adaId),
    );
    expect(response.status).toBe(201);
    const { claim: submitted } = await response.json();
    adaClaimId = submitted.id;
    expect(submitted).toMatchObject({
      person: { id: adaId, name: "Ada Lovelace" },
      teams: ["Payments"],
      hours: 4,
      date: "2026-03-16",
      note: "Long weekend",
      status: "pending",
      decidedBy: null,
      // Approving it may take what is owed on 16 March besides this claim: 5 h.
      availableHours: 5,
    });

    const pending = await ledgerAsOf(ada, "2026-03-12");
    // Owed stays 5 h until a manager approves; a new claim may take 1 h more.
    expect(pending.balance).toMatchObject({
      owedHours: 5,
      pendingClaimHours: 4,
      availableHours: 1,
    });

    const notified = (await (
      await getNotifications(requestAs(grace, "/api/notifications"), undefined)
    ).json()) as NotificationsResponse;
    expect(notified.unread).toBe(1);
    expect(notified.notifications[0]).toMatchObject({
      message: "Ada Lovelace claimed 4 h for 2026-03-16",
      link: "/approvals",
      readAt: null,
    });

    const queue = (await (
      await listClaims(requestAs(grace, "/api/time-in-lieu/claims"), undefined)
    ).json()) as ClaimsResponse;
    expect(queue.claims.map((item) => [item.person.name, item.hours, item.date])).toEqual([
      ["Ada Lovelace", 4, "2026-03-16"],
    ]);
  });

  it("12 March: Grace approves; owed is 1 h on 17 March and 2 h once the 17 March call-out is in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2026-03-12T10:00:00Z");
    const response = await decide(
      requestAs(grace, `/api/time-in-lieu/claims/${adaClaimId}/decision`, {
        method: "POST",
        body: { decision: "approve" },
      }),
      { params: Promise.resolve({ id: String(adaClaimId) }) },
    );
    expect(response.status).toBe(200);
    expect((await response.json()).claim).toMatchObject({
      status: "approved",
      decidedBy: "grace@example.test",
      decidedAt: "2026-03-12T10:00:00.000Z",
      // What Ada may claim now: 5 − 4 = 1 h.
      availableHours: 1,
    });

    const adaNotified = (await (
      await getNotifications(requestAs(ada, "/api/notifications"), undefined)
    ).json()) as NotificationsResponse;
    expect(adaNotified.notifications.map((item) => [item.message, item.link])).toEqual([
      ["Your claim of 4 h for 2026-03-16 was approved by Grace Hopper", `/people/${adaId}#ledger`],
    ]);

    const on17 = await ledgerAsOf(grace, "2026-03-17");
    expect(on17.balance).toMatchObject({
      accruedMinutes: 300,
      claimedMinutes: 240,
      expiredMinutes: 0,
      owedMinutes: 60,
    });
    expect(on17.can).toEqual({ claim: false, adjust: true, decide: true });
    expect(
      on17.lines.map((line: { kind: string; hours: number; status: string | null }) => [
        line.kind,
        line.hours,
        line.status,
      ]),
    ).toEqual([
      ["accrual", 3, null],
      ["accrual", 2, null],
      ["claim", 4, "approved"],
    ]);
    expect(on17.lines[2]).toMatchObject({
      note: "Long weekend",
      createdBy: "ada@example.test",
      decidedBy: "grace@example.test",
      decidedAt: "2026-03-12T10:00:00.000Z",
      balanceMinutes: 60,
    });
    expect((await ledgerAsOf(grace, "2026-03-18")).balance.owedMinutes).toBe(120);
  });

  it("17 April: the 17 March hour lapsed after 30 days (the new policy), 1 h owed", async () => {
    const on17April = await ledgerAsOf(ada, "2026-04-17");
    expect(on17April.balance).toMatchObject({
      accruedMinutes: 360,
      claimedMinutes: 240,
      expiredMinutes: 60,
      owedMinutes: 60,
    });
    const expiry = on17April.lines.at(-1);
    expect(expiry).toMatchObject({
      id: null,
      kind: "expiry",
      minutes: 60,
      occurredAt: "2026-04-16T20:00:00.000Z",
      rule: "60 min of the accrual of 2026-03-17 not taken before it lapsed on 2026-04-16",
      balanceMinutes: 60,
    });
  });

  it("20 April: Grace adds 1.5 h; Ada claims 1 h and Grace rejects it with a comment; Bo claims 2 h", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2026-04-20T09:00:00Z");
    const adjusted = await adjust(
      requestAs(grace, `/api/people/${adaId}/time-in-lieu/adjustments`, {
        method: "POST",
        body: { hours: 1.5, reason: "On call for the 18 April release without a page" },
      }),
      params(adaId),
    );
    expect(adjusted.status).toBe(201);
    expect((await adjusted.json()).adjustment).toMatchObject({
      hours: 1.5,
      date: "2026-04-20",
      createdBy: "grace@example.test",
    });

    const claimed = await claim(
      requestAs(ada, `/api/people/${adaId}/time-in-lieu/claims`, {
        method: "POST",
        body: { hours: 1, date: "2026-04-24", requestId: "ada-claim-0002" },
      }),
      params(adaId),
    );
    expect(claimed.status).toBe(201);
    const secondId = (await claimed.json()).claim.id;
    const rejected = await decide(
      requestAs(grace, `/api/time-in-lieu/claims/${secondId}/decision`, {
        method: "POST",
        body: { decision: "reject", comment: "Release freeze that week" },
      }),
      { params: Promise.resolve({ id: String(secondId) }) },
    );
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).claim).toMatchObject({
      status: "rejected",
      decisionNote: "Release freeze that week",
      // 1 h of February's accrual + 1.5 h added: 2.5 h (the rejected hour is back).
      availableHours: 2.5,
    });

    const boClaim = await claim(
      requestAs(bo, `/api/people/bo@example.test/time-in-lieu/claims`, {
        method: "POST",
        body: { hours: 2, date: "2026-04-27", requestId: "bo-claim-0001" },
      }),
      params("bo@example.test"),
    );
    expect(boClaim.status).toBe(201);

    const notes = (await (
      await getNotifications(requestAs(ada, "/api/notifications"), undefined)
    ).json()) as NotificationsResponse;
    expect(notes.unread).toBe(3);
    expect(notes.notifications.map((item) => item.message)).toEqual([
      "Your claim of 1 h for 2026-04-24 was rejected by Grace Hopper: Release freeze that week",
      "Grace Hopper added 1.5 h to your time in lieu on 2026-04-20: On call for the 18 April release without a page",
      "Your claim of 4 h for 2026-03-16 was approved by Grace Hopper",
    ]);
    // Ada marks one read, then all; she cannot touch Grace's.
    const graceIds = (
      (await (
        await getNotifications(requestAs(grace, "/api/notifications"), undefined)
      ).json()) as NotificationsResponse
    ).notifications.map((item) => item.id);
    const first = notes.notifications[0]?.id;
    const one = await markRead(
      requestAs(ada, "/api/notifications/read", {
        method: "POST",
        body: { ids: [first, ...graceIds] },
      }),
      undefined,
    );
    expect(await one.json()).toEqual({ unread: 2 });
    const all = await markRead(
      requestAs(ada, "/api/notifications/read", { method: "POST", body: {} }),
      undefined,
    );
    expect(await all.json()).toEqual({ unread: 0 });
    const graceAfter = (await (
      await getNotifications(requestAs(grace, "/api/notifications"), undefined)
    ).json()) as NotificationsResponse;
    // Ada's claim of 1 h and Bo's claim of 2 h came after the first; none were read by Ada's request.
    expect(graceAfter.unread).toBe(3);
  });

  it("4 May: February's last hour lapsed on 3 May; 1.5 h owed, every line explained", async () => {
    const on4May = await ledgerAsOf(ada, "2026-05-04");
    expect(on4May.balance).toMatchObject({
      accruedMinutes: 360,
      adjustedMinutes: 90,
      claimedMinutes: 240,
      expiredMinutes: 120,
      owedMinutes: 90,
      owedHours: 1.5,
    });
    expect(
      on4May.lines.map(
        (line: {
          kind: string;
          minutes: number;
          status: string | null;
          balanceMinutes: number;
        }) => [line.kind, line.minutes, line.status, line.balanceMinutes],
      ),
    ).toEqual([
      ["accrual", 180, null, 180],
      ["accrual", 120, null, 300],
      ["claim", 240, "approved", 60],
      ["accrual", 60, null, 120],
      ["expiry", 60, null, 60],
      ["adjustment", 90, null, 150],
      ["claim", 60, "rejected", 150],
      ["expiry", 60, null, 90],
    ]);
    expect(on4May.lines[5]).toMatchObject({
      note: "On call for the 18 April release without a page",
      rule: "Adjustment by Grace Hopper",
    });
    expect(on4May.lines[6]).toMatchObject({ decisionNote: "Release freeze that week" });
  });

  it("keeps the audit trail of every change, newest first, with who and before/after", async () => {
    const response = await history(
      requestAs(ada, `/api/people/${adaId}/time-in-lieu/history`),
      params(adaId),
    );
    expect(response.status).toBe(200);
    const { events } = (await response.json()) as LedgerHistoryResponse;
    expect(events.map((event) => [event.action, event.actor])).toEqual([
      ["claim.rejected", "grace@example.test"],
      ["claim.submitted", "ada@example.test"],
      ["adjustment.added", "grace@example.test"],
      ["claim.approved", "grace@example.test"],
      ["claim.submitted", "ada@example.test"],
    ]);
    const approval = events[3];
    expect(approval?.before).toMatchObject({ status: "pending", hours: 4, date: "2026-03-16" });
    expect(approval?.after).toMatchObject({
      status: "approved",
      decidedBy: "grace@example.test",
      decidedAt: "2026-03-12T10:00:00.000Z",
    });
    expect(events[2]?.after).toMatchObject({
      kind: "adjustment",
      hours: 1.5,
      reason: "On call for the 18 April release without a page",
    });
    // Bo's ledger history holds only his own claim.
    const bos = await history(
      requestAs(bo, "/api/people/bo@example.test/time-in-lieu/history"),
      params("bo@example.test"),
    );
    expect(
      ((await bos.json()) as LedgerHistoryResponse).events.map((event) => event.action),
    ).toEqual(["claim.submitted"]);
  });

  it("exports each quarter for payroll with rows that add up, and records the export", async () => {
    const quarter = async (from: string, to: string) => {
      const response = await exportCsv(
        requestAs(grace, `/api/time-in-lieu/export?from=${from}&to=${to}`),
        undefined,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="fairshift-time-in-lieu-${from}-${to}.csv"`,
      );
      return Papa.parse<Record<string, string>>(await response.text(), {
        header: true,
        skipEmptyLines: true,
      }).data;
    };
    const columns = [
      "owed_at_start_hours",
      "accrued_hours",
      "adjusted_hours",
      "approved_claims_hours",
      "expired_hours",
      "owed_at_end_hours",
      "pending_claims_at_end_hours",
    ];
    const figures = (row: Record<string, string> | undefined) =>
      columns.map((column) => Number(row?.[column]));

    // Q1: Ada accrued 3 + 2 + 1, took 4 on 16 March; nothing lapsed before 1 April → 2 h owed.
    // Bo accrued 2.5; his pending claim is dated 27 April, after the quarter.
    const first = await quarter("2026-01-01", "2026-04-01");
    expect(first.map((row) => [row.person, row.email, row.pagerduty_id, row.teams])).toEqual([
      ["Ada Lovelace", "ada@example.test", "PADA001", "Payments"],
      ["Bo Berg", "bo@example.test", "", "Payments"],
    ]);
    expect(figures(first[0])).toEqual([0, 6, 0, 4, 0, 2, 0]);
    expect(figures(first[1])).toEqual([0, 2.5, 0, 0, 0, 2.5, 0]);

    // Q2: Ada 2 h at the start, +1.5, the 1 h of 17 March and the last 1 h of February lapse
    // → 1.5 h. Bo's 2.5 h lapse on 5 May with his 2 h claim still pending.
    const second = await quarter("2026-04-01", "2026-07-01");
    expect(figures(second[0])).toEqual([2, 0, 1.5, 0, 2, 1.5, 0]);
    expect(figures(second[1])).toEqual([2.5, 0, 0, 0, 2.5, 0, 2]);

    for (const row of [...first, ...second]) {
      const [start, accrued, adjusted, claimed, expired, end] = figures(row).map((hours) =>
        Math.round(hours * 100),
      ) as [number, number, number, number, number, number];
      expect(start + accrued + adjusted - claimed - expired).toBe(end);
    }

    const audit = await database.db.auditEvent.findMany({
      where: { action: "export" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.actorLabel, event.subjectId, event.after])).toEqual([
      [
        "grace@example.test",
        "Payments 2026-01-01..2026-04-01",
        { from: "2026-01-01", to: "2026-04-01", timeZone: "UTC", team: "Payments", people: 2 },
      ],
      [
        "grace@example.test",
        "Payments 2026-04-01..2026-07-01",
        { from: "2026-04-01", to: "2026-07-01", timeZone: "UTC", team: "Payments", people: 2 },
      ],
    ]);
  });
});
