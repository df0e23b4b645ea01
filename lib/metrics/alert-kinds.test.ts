import { describe, expect, it } from "vitest";
import { alertKind, offHoursAlertBudget } from "./alert-kinds";

describe("alertKind", () => {
  it("makes titles that differ only in their numbers one kind", () => {
    expect(alertKind("Disk 91% full on db-7")).toBe("Disk #% full on db-#");
    expect(alertKind("Disk 93% full on db-12")).toBe("Disk #% full on db-#");
    expect(alertKind("[FIRING:2] Queue has 1,234 messages")).toBe(
      "[FIRING:#] Queue has # messages",
    );
  });

  it("replaces ids: UUIDs, hex hashes, 0x values and cloud instance ids", () => {
    expect(alertKind("Job 123e4567-e89b-12d3-a456-426614174000 failed")).toBe("Job <id> failed");
    expect(alertKind("Pod 3f9a2c1b crashed")).toBe("Pod <id> crashed");
    expect(alertKind("Instance i-0abc123def456789 unhealthy")).toBe("Instance i-<id> unhealthy");
    expect(alertKind("Segfault at 0xDEADBEEF")).toBe("Segfault at <id>");
    // Words made of hex letters only stay words; a run of digits is a number.
    expect(alertKind("Deadline exceeded: deadbeef")).toBe("Deadline exceeded: deadbeef");
    expect(alertKind("Commit 1234567 broke the build")).toBe("Commit # broke the build");
  });

  it("replaces IPv4 (with port) and IPv6 addresses", () => {
    expect(alertKind("Can't reach 10.0.3.17:5432 from web-3")).toBe("Can't reach <ip> from web-#");
    expect(alertKind("Can't reach 10.0.12.4 from web-11")).toBe("Can't reach <ip> from web-#");
    expect(alertKind("Link down fe80::1ff:fe23:4567:890a")).toBe("Link down <ip>");
    expect(alertKind("Ping ::1 failed")).toBe("Ping <ip> failed");
    // A namespace separator is not an address.
    expect(alertKind("ActiveRecord::RecordNotFound in OrdersController")).toBe(
      "ActiveRecord::RecordNotFound in OrdersController",
    );
  });

  it("replaces durations in any unit, sizes, dates and times", () => {
    expect(alertKind("p99 latency 1.2s over 5 min")).toBe("p# latency <duration> over <duration>");
    expect(alertKind("p99 latency 950ms over 10 minutes")).toBe(
      "p# latency <duration> over <duration>",
    );
    expect(alertKind("Backup took 2h30m")).toBe("Backup took <duration>");
    expect(alertKind("Memory 512MB over limit 1.5 GB")).toBe("Memory <size> over limit <size>");
    expect(alertKind("Certificate expires 2026-07-01T03:00:00Z")).toBe(
      "Certificate expires <time>",
    );
    expect(alertKind("Cron 03:15 missed")).toBe("Cron <time> missed");
    // "2 hosts" is a count, not two hours.
    expect(alertKind("Errors > 5 % on 2 hosts")).toBe("Errors > #% on # hosts");
  });

  it("replaces quoted values but keeps apostrophes", () => {
    expect(alertKind("Job 'nightly-reconcile' failed")).toBe("Job <value> failed");
    expect(alertKind('Job "payments-sync" failed')).toBe("Job <value> failed");
    expect(alertKind("Monitor `checkout p95` and “edge” alerting")).toBe(
      "Monitor <value> and <value> alerting",
    );
    expect(alertKind("Can't connect to 'db-7'")).toBe("Can't connect to <value>");
  });

  it("collapses white space", () => {
    expect(alertKind("  Disk   full\ton db-7 ")).toBe("Disk full on db-#");
  });
});

describe("offHoursAlertBudget", () => {
  const storage = { serviceId: 1, serviceName: "Storage" };
  const edge = { serviceId: 2, serviceName: "Edge" };

  it("counts distinct service + kind pairs against the allowance, busiest first", () => {
    const budget = offHoursAlertBudget(
      [
        { ...storage, title: "Disk 91% full on db-7" },
        { ...edge, title: "Health check failed on edge-3" },
        { ...storage, title: "Disk 93% full on db-12" },
        { ...storage, title: "Disk 97% full on db-7" },
        { ...edge, title: "Health check failed on edge-11" },
        // The same kind on another service is another kind.
        { ...edge, title: "Disk 80% full on db-1" },
        { serviceId: null, serviceName: null, title: "Manual page 42" },
      ],
      3,
    );
    expect(budget).toEqual({
      allowed: 3,
      used: 4,
      overBudget: true,
      kinds: [
        { ...storage, kind: "Disk #% full on db-#", interruptions: 3 },
        { ...edge, kind: "Health check failed on edge-#", interruptions: 2 },
        // Ties: no service first (empty name), then by service name.
        { serviceId: null, serviceName: null, kind: "Manual page #", interruptions: 1 },
        { ...edge, kind: "Disk #% full on db-#", interruptions: 1 },
      ],
    });
  });

  it("is within budget when the kinds used equal the allowance", () => {
    const budget = offHoursAlertBudget(
      [
        { ...storage, title: "Disk 91% full on db-7" },
        { ...storage, title: "Disk 92% full on db-8" },
      ],
      1,
    );
    expect(budget).toMatchObject({ allowed: 1, used: 1, overBudget: false });
    expect(offHoursAlertBudget([], 0)).toEqual({
      allowed: 0,
      used: 0,
      overBudget: false,
      kinds: [],
    });
  });

  it("counts an item standing for several interruptions as that many", () => {
    const budget = offHoursAlertBudget(
      [
        { ...storage, title: "Disk 91% full on db-7", interruptions: 4 },
        { ...storage, title: "Disk 95% full on db-2" },
        { ...edge, title: "Health check failed on edge-3", interruptions: 2 },
      ],
      5,
    );
    expect(budget.kinds).toEqual([
      { ...storage, kind: "Disk #% full on db-#", interruptions: 5 },
      { ...edge, kind: "Health check failed on edge-#", interruptions: 2 },
    ]);
  });

  it("tells services without an id apart by name", () => {
    const budget = offHoursAlertBudget(
      [
        { serviceId: null, serviceName: "Legacy A", title: "Down" },
        { serviceId: null, serviceName: "Legacy B", title: "Down" },
      ],
      5,
    );
    expect(budget.used).toBe(2);
  });
});
