import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { ApiError } from "../http/api-error";
import { deriveTimeInLieuAccruals } from "../time-in-lieu/derive-time-in-lieu-accruals";
import { getIncidentDetail } from "./get-incident-detail";
import { getIncidentMetrics } from "./get-incident-metrics";
import { getMetricSettings } from "./get-metric-settings";
import { updateIncidentOverrides } from "./update-incident-overrides";

const at = (iso: string) => new Date(iso);
const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };

describe("updateIncidentOverrides", () => {
  const database = useTestDatabase();
  let incidentId = 0;
  let personId = 0;

  beforeAll(async () => {
    const db = database.db;
    const card = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const person = await db.person.create({
      data: { name: "Noah Novak", email: "noah@x.test", timeZone: "UTC" },
    });
    personId = person.id;
    // Triggered by an Events API integration at 02:00 UTC (sleep band), 10 min impact before it.
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "Q1NIGHT",
        title: "Card API 5xx above 2%",
        serviceId: card.id,
        status: "resolved",
        startedAt: at("2026-07-02T01:50:00Z"),
        startedAtSource: "custom_field",
        createdAt: at("2026-07-02T02:00:00Z"),
        acknowledgedAt: at("2026-07-02T02:04:00Z"),
        resolvedAt: at("2026-07-02T03:00:00Z"),
        triggerChannel: "events_api_v2",
        triggerAgentType: "generic_events_api_inbound_integration_reference",
        detectionSource: "monitoring",
        detectionRule: "triggered by an integration (Events API v2)",
      },
    });
    incidentId = incident.id;
    // A second July incident with a 30-minute impact start, so MTTD has two values to move.
    await db.incident.create({
      data: {
        pagerdutyId: "Q2DAY",
        title: "Slow checkout",
        serviceId: card.id,
        status: "resolved",
        startedAt: at("2026-07-03T09:30:00Z"),
        startedAtSource: "csv",
        createdAt: at("2026-07-03T10:00:00Z"),
        resolvedAt: at("2026-07-03T11:00:00Z"),
        detectionSource: "staff",
        detectionRule: "triggered by a person in the web app",
        triggerChannel: "web_trigger",
        triggerAgentType: "user_reference",
      },
    });
    await db.page.create({
      data: { personId, incidentId, channel: "phone", at: at("2026-07-02T02:00:30Z") },
    });
  });

  const accruals = () =>
    database.db.timeInLieuEntry.count({ where: { personId, kind: "accrual" } });

  it("applies an override with the importers' rules: 'manual override' wins, clearing restores the rule", async () => {
    const db = database.db;
    expect((await getIncidentMetrics(db, { range: july })).detection.customer).toBe(0);

    expect(
      await updateIncidentOverrides(db, String(incidentId), { detectionOverride: "customer" }),
    ).toEqual({ id: incidentId, previousSource: "monitoring", source: "customer" });
    const overridden = await getIncidentDetail(db, incidentId);
    expect(overridden?.detection).toEqual({
      source: "customer",
      rule: "manual override",
      override: "customer",
      reported: null,
    });
    const metrics = await getIncidentMetrics(db, { range: july });
    expect(metrics.detection).toMatchObject({ customer: 1, monitoring: 0, customerFirstRate: 0.5 });

    // By PagerDuty id too; null clears the override and the trigger's rule applies again.
    await updateIncidentOverrides(db, "Q1NIGHT", { detectionOverride: null });
    expect((await getIncidentDetail(db, incidentId))?.detection).toEqual({
      source: "monitoring",
      rule: "triggered by an integration (Events API v2)",
      override: null,
      reported: null,
    });
  });

  it("marks a test: MTTD leaves it out, and its call-out accrues no time in lieu", async () => {
    const db = database.db;
    // MTTD over 600 s (Q1NIGHT) and 1800 s (Q2DAY): mean 1200.
    expect((await getIncidentMetrics(db, { range: july })).mttd).toMatchObject({
      n: 2,
      meanSeconds: 1200,
    });
    // Imports derive accruals once their incidents are in; this data was written directly.
    await deriveTimeInLieuAccruals(db, await getMetricSettings(db));
    expect(await accruals()).toBe(1);

    await updateIncidentOverrides(db, "Q1NIGHT", { detectionOverride: "test" });
    const metrics = await getIncidentMetrics(db, { range: july });
    expect(metrics.excludedTests).toBe(1);
    expect(metrics.mttd).toMatchObject({ n: 1, meanSeconds: 1800 });
    expect((await getIncidentDetail(db, incidentId))?.clock.timeToDetect).toEqual({
      seconds: null,
      reason: "paging test: left out of every measure",
    });
    expect(await accruals()).toBe(0);

    await updateIncidentOverrides(db, "Q1NIGHT", { detectionOverride: null });
    expect(await accruals()).toBe(1);
    expect((await getIncidentMetrics(db, { range: july })).mttd.n).toBe(2);
  });

  it("sets the impact start as 'manual', moves MTTD, and clears it", async () => {
    const db = database.db;
    await updateIncidentOverrides(db, String(incidentId), {
      startedAt: at("2026-07-02T01:00:00Z"),
    });
    let detail = await getIncidentDetail(db, incidentId);
    expect(detail?.clock).toMatchObject({
      startedAt: "2026-07-02T01:00:00.000Z",
      startedAtSource: "manual",
      timeToDetect: { seconds: 3600, reason: null },
    });
    // MTTD over 3600 and 1800: mean 2700.
    expect((await getIncidentMetrics(db, { range: july })).mttd.meanSeconds).toBe(2700);

    // The same instant as creation is allowed: detected at once, 0 s.
    await updateIncidentOverrides(db, String(incidentId), {
      startedAt: at("2026-07-02T02:00:00Z"),
    });
    expect((await getIncidentDetail(db, incidentId))?.clock.timeToDetect.seconds).toBe(0);

    await updateIncidentOverrides(db, String(incidentId), { startedAt: null });
    detail = await getIncidentDetail(db, incidentId);
    expect(detail?.clock).toMatchObject({
      startedAt: null,
      startedAtSource: null,
      timeToDetect: { seconds: null, reason: "no impact start recorded" },
    });
    expect((await getIncidentMetrics(db, { range: july })).mttdCoverage).toEqual({
      withStartedAt: 1,
      total: 2,
    });
  });

  it("refuses an impact start after creation (422) and changes nothing", async () => {
    const db = database.db;
    const before = await getIncidentDetail(db, incidentId);
    const attempt = updateIncidentOverrides(db, String(incidentId), {
      startedAt: at("2026-07-02T02:00:01Z"),
      detectionOverride: "customer",
    });
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      message:
        "impact start must be before the incident was created (2026-07-02T02:00:00.000Z); 2026-07-02T02:00:01.000Z is after it.",
    });
    expect(await getIncidentDetail(db, incidentId)).toEqual(before);
  });

  it("answers null for an unknown incident", async () => {
    expect(await updateIncidentOverrides(database.db, "QNOPE", { detectionOverride: "test" })).toBe(
      null,
    );
    expect(await updateIncidentOverrides(database.db, "2000000", { startedAt: null })).toBeNull();
  });
});
