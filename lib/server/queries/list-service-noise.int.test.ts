import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { listServiceNoise } from "./list-service-noise";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe("listServiceNoise", () => {
  const database = useTestDatabase();
  const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = database.db;
    for (const [key, name, pagerdutyId] of [
      ["nightly", "Nightly Reconcile", "PNIGHT1"],
      ["edge", "Edge Health", "PEDGE01"],
      ["card", "Card API", "PCARD01"],
      ["test", "Paging test", "PTEST01"],
    ] as const) {
      ids[key] = (await db.service.create({ data: { name, pagerdutyId } })).id;
    }
    type Spec = {
      service: string | null;
      created?: string;
      ack?: number;
      resolve?: number;
      merged?: boolean;
      test?: boolean;
    };
    const specs: Spec[] = [
      // Nightly: resolved unacknowledged after 60 s, exactly 5 min (counts) and 5 min 1 s (does not).
      { service: "nightly", resolve: 60 },
      { service: "nightly", resolve: 300 },
      { service: "nightly", resolve: 301 },
      // Out of range: June.
      { service: "nightly", created: "2026-06-30T23:00:00Z", resolve: 60 },
      // Edge: auto-resolved after 2 min; still open; resolved by merge after 30 s (not auto-resolved).
      { service: "edge", resolve: 120 },
      { service: "edge" },
      { service: "edge", resolve: 30, merged: true },
      // Card: acknowledged, so never noise however fast it resolved.
      { service: "card", ack: 30, resolve: 60 },
      { service: "card", ack: 120, resolve: 3600 },
      // A paging test on Card and on its own service: left out entirely.
      { service: "card", resolve: 10, test: true },
      { service: "test", resolve: 10, test: true },
      // No service at all.
      { service: null, resolve: 10 },
    ];
    let number = 0;
    for (const spec of specs) {
      number += 1;
      const createdAt = at(spec.created ?? `2026-07-${String(number).padStart(2, "0")}T03:00:00Z`);
      await db.incident.create({
        data: {
          pagerdutyId: `N${number}`,
          title: `Incident ${number}`,
          serviceId: spec.service === null ? null : ids[spec.service],
          status: spec.resolve === undefined ? "triggered" : "resolved",
          createdAt,
          acknowledgedAt: spec.ack === undefined ? null : plus(createdAt, spec.ack),
          resolvedAt: spec.resolve === undefined ? null : plus(createdAt, spec.resolve),
          resolvedByMerge: spec.merged ?? false,
          detectionSource: spec.test ? "test" : "monitoring",
        },
      });
    }
  });

  it("counts noise per service with the default 5 minutes, noisiest first", async () => {
    expect(await listServiceNoise(database.db, { range: july })).toEqual([
      {
        serviceId: ids.nightly,
        pagerdutyId: "PNIGHT1",
        name: "Nightly Reconcile",
        incidents: 3,
        autoResolvedUnacknowledged: 2,
        neverAcknowledged: 3,
        autoResolvedShare: 2 / 3,
      },
      {
        serviceId: ids.edge,
        pagerdutyId: "PEDGE01",
        name: "Edge Health",
        incidents: 3,
        autoResolvedUnacknowledged: 1,
        neverAcknowledged: 3,
        autoResolvedShare: 1 / 3,
      },
      {
        serviceId: null,
        pagerdutyId: null,
        name: null,
        incidents: 1,
        autoResolvedUnacknowledged: 1,
        neverAcknowledged: 1,
        autoResolvedShare: 1,
      },
      {
        serviceId: ids.card,
        pagerdutyId: "PCARD01",
        name: "Card API",
        incidents: 2,
        autoResolvedUnacknowledged: 0,
        neverAcknowledged: 0,
        autoResolvedShare: 0,
      },
    ]);
  });

  it("takes the auto-resolve window as a setting", async () => {
    const noise = await listServiceNoise(database.db, { range: july }, { autoResolveMinutes: 10 });
    // The 301 s incident now counts too.
    expect(noise[0]).toMatchObject({ name: "Nightly Reconcile", autoResolvedUnacknowledged: 3 });
    const strict = await listServiceNoise(
      database.db,
      { range: july },
      { autoResolveMinutes: 1.5 },
    );
    // Only the 60 s incident is within 90 s on Nightly; Edge's took 120 s.
    expect(strict.find((row) => row.name === "Nightly Reconcile")?.autoResolvedUnacknowledged).toBe(
      1,
    );
    expect(strict.find((row) => row.name === "Edge Health")?.autoResolvedUnacknowledged).toBe(0);
  });

  it("follows the scope's filters", async () => {
    expect(await listServiceNoise(database.db, { range: july, service: "PEDGE01" })).toHaveLength(
      1,
    );
    expect(await listServiceNoise(database.db, { range: july, service: "Paging test" })).toEqual(
      [],
    );
  });
});
