import { describe, expect, it } from "vitest";
import { demoOrganisation } from "./demo-organisation";
import { IncidentGenerator } from "./incident-generator";
import { buildOrganisation } from "./organisation";
import { byId } from "./organisation-types";
import { buildShifts, OnCallLookup } from "./rotations";
import {
  type IncidentRow,
  type IncidentSink,
  type IncidentTeamRow,
  type LogEntryRow,
  type PageRow,
  TRIGGER_AGENT_TYPES,
} from "./seed-rows";
import { DAY, localParts, WEEK } from "./zoned-time";

interface Generated {
  incidents: IncidentRow[];
  teams: IncidentTeamRow[];
  logEntries: LogEntryRow[];
  pages: PageRow[];
}

const until = Date.parse("2026-11-21T00:00:00Z");
const from = Date.parse("2025-07-01T00:00:00Z");

function generate(seed: number, weeks: readonly number[]) {
  const organisation = buildOrganisation(demoOrganisation, seed);
  const shifts = buildShifts(organisation, from, until, seed);
  const lookup = new OnCallLookup(shifts);
  const generator = new IncidentGenerator(organisation, lookup, from, until, seed);
  const generated: Generated = { incidents: [], teams: [], logEntries: [], pages: [] };
  const sink: IncidentSink = {
    incident: (row) => generated.incidents.push(row),
    incidentTeam: (row) => generated.teams.push(row),
    logEntry: (row) => generated.logEntries.push(row),
    page: (row) => generated.pages.push(row),
  };
  for (const week of weeks) generator.generateWeek(week, sink);
  return { organisation, lookup, generator, generated };
}

const allWeeks = Array.from({ length: Math.ceil((until - from) / WEEK) }, (_, index) => index);
const demo = generate(1, allWeeks);
const { organisation, lookup, generated } = demo;
const teamOf = new Map(generated.teams.map((row) => [row.incidentId, row.teamId]));

describe("the demo incident generator", () => {
  it("is deterministic: the same seed gives the same rows, another seed different ones", () => {
    const first = generate(5, [0, 1, 2]).generated;
    const again = generate(5, [0, 1, 2]).generated;
    expect(again).toEqual(first);
    expect(generate(6, [0, 1, 2]).generated.incidents).not.toEqual(first.incidents);
  });

  it("produces a demo-sized history with dense, time-ordered ids", () => {
    expect(generated.incidents.length).toBeGreaterThan(4_000);
    expect(generated.incidents.length).toBeLessThan(6_500);
    generated.incidents.forEach((incident, index) => {
      expect(incident.id).toBe(index + 1);
      if (index > 0)
        expect(incident.createdAt).toBeGreaterThanOrEqual(
          generated.incidents[index - 1]?.createdAt ?? 0,
        );
    });
    expect(new Set(generated.incidents.map((incident) => incident.pagerdutyId)).size).toBe(
      generated.incidents.length,
    );
    for (const incident of generated.incidents)
      expect(incident.pagerdutyId).toMatch(/^Q[0-9A-Z]{13}$/);
    for (const entry of generated.logEntries.slice(0, 500))
      expect(entry.pagerdutyId).toMatch(/^R[0-9A-Z]{13}$/);
  });

  it("runs the paging test every Wednesday at 11:00 in each team's zone and pages that team's primary", () => {
    const tests = generated.incidents.filter((incident) => incident.detectionSource === "test");
    expect(tests.length).toBeGreaterThanOrEqual(organisation.teams.length * 70);
    for (const incident of tests) {
      const team = byId(organisation.teams, teamOf.get(incident.id) ?? 0);
      const local = localParts(incident.createdAt, team.zone);
      expect([local.weekday, local.hour, local.minute]).toEqual([3, 11, 0]);
      expect(incident.title).toBe("Weekly paging test");
      const firstPage = generated.pages.find((page) => page.incidentId === incident.id);
      expect(firstPage?.personId).toBe(lookup.personAt(team.primaryScheduleId, incident.createdAt));
    }
  });

  it("pages only people who are on call for the incident's team at that moment", () => {
    expect(generated.pages.length).toBeGreaterThan(generated.incidents.length);
    for (const page of generated.pages) {
      const team = byId(organisation.teams, teamOf.get(page.incidentId) ?? 0);
      const onCall = [
        lookup.personAt(team.primaryScheduleId, page.at),
        lookup.personAt(team.secondaryScheduleId, page.at),
      ];
      expect(onCall).toContain(page.personId);
    }
  });

  it("backs every page with a notify log entry for the same person, time and channel", () => {
    const entries = new Map(generated.logEntries.map((entry) => [entry.id, entry]));
    for (const page of generated.pages) {
      const entry = entries.get(page.logEntryId);
      expect(entry?.type).toBe("notify_log_entry");
      expect([entry?.personId, entry?.at, entry?.notificationType]).toEqual([
        page.personId,
        page.at,
        page.channel,
      ]);
      expect(entry?.summary).toMatch(/^Notified .+ by (SMS|phone|push notification|email)\.$/);
    }
  });

  it("escalates unacknowledged high-urgency incidents to level 2 after the team's delay", () => {
    const escalations = generated.logEntries.filter((entry) => entry.type === "escalate_log_entry");
    expect(escalations.length).toBeGreaterThan(20);
    const incidents = new Map(generated.incidents.map((incident) => [incident.id, incident]));
    for (const escalation of escalations) {
      const incident = incidents.get(escalation.incidentId);
      const team = byId(organisation.teams, teamOf.get(escalation.incidentId) ?? 0);
      expect(incident?.urgency).toBe("high");
      expect(escalation.at - (incident?.createdAt ?? 0)).toBe(
        team.spec.escalationDelayMinutes * 60_000,
      );
      if (incident?.acknowledgedAt) expect(incident.acknowledgedAt).toBeGreaterThan(escalation.at);
      expect(escalation.personId).toBe(lookup.personAt(team.secondaryScheduleId, escalation.at));
    }
  });

  it("labels detection sources by the product's rules, with the product's rule wording", () => {
    const triggers = new Map(
      generated.logEntries
        .filter((entry) => entry.type === "trigger_log_entry")
        .map((entry) => [entry.incidentId, entry]),
    );
    const rules = new Set<string>();
    for (const incident of generated.incidents) {
      const service = byId(organisation.services, incident.serviceId);
      const trigger = triggers.get(incident.id);
      // The incident's trigger agent type is its trigger log entry's.
      expect(TRIGGER_AGENT_TYPES[incident.triggerChannel]).toBe(trigger?.agentType);
      if (/paging test/i.test(service.name)) expect(incident.detectionSource).toBe("test");
      else if (/customer|support/i.test(service.name))
        expect(incident.detectionSource).toBe("customer");
      else if (trigger?.agentType === "user_reference")
        expect(incident.detectionSource).toBe("staff");
      else expect(incident.detectionSource).toBe("monitoring");
      rules.add(`${incident.detectionSource}: ${incident.detectionRule}`);
    }
    expect([...rules].sort()).toEqual([
      "customer: service 'Customer Support Escalations' is a customer-intake service (name matches /customer|support/i)",
      "monitoring: triggered by an integration (Events API)",
      "monitoring: triggered by an integration (email integration)",
      "staff: triggered by a person in the web app",
      "test: service 'Paging test' matches the test pattern /paging test|test page/i",
    ]);
    const customer = generated.incidents.filter(
      (incident) => incident.detectionSource === "customer",
    );
    expect(customer.length).toBeGreaterThan(100);
  });

  it("gives customer-reported incidents a longer time to detect than monitored ones", () => {
    const medianDetection = (source: string) => {
      const delays = generated.incidents
        .filter((incident) => incident.detectionSource === source && incident.startedAt !== null)
        .map((incident) => incident.createdAt - (incident.startedAt ?? 0))
        .sort((left, right) => left - right);
      return delays[Math.floor(delays.length / 2)] ?? 0;
    };
    expect(medianDetection("customer")).toBeGreaterThan(5 * medianDetection("monitoring"));
    const withStart = generated.incidents.filter((incident) => incident.startedAt !== null).length;
    expect(withStart / generated.incidents.length).toBeGreaterThan(0.3);
    expect(withStart / generated.incidents.length).toBeLessThan(0.5);
  });

  it("has incidents on public holidays and on the nights the clocks change", () => {
    const onDate = (zone: string, dateKey: string) =>
      generated.incidents.filter(
        (incident) => localParts(incident.createdAt, zone).dateKey === dateKey,
      );
    expect(onDate("Europe/Stockholm", "2025-12-25").length).toBeGreaterThan(0);
    expect(onDate("Europe/Stockholm", "2026-06-19").length).toBeGreaterThan(0);
    expect(onDate("America/Los_Angeles", "2025-11-27").length).toBeGreaterThan(0);
    // Europe went back an hour at 01:00 UTC on 26 October 2025, the US at 06:00 UTC on 2 November.
    const near = (instant: number) =>
      generated.incidents.filter(
        (incident) => Math.abs(incident.createdAt - instant) <= 45 * 60_000,
      );
    expect(near(Date.parse("2025-10-26T01:00:00Z")).length).toBeGreaterThan(0);
    expect(near(Date.parse("2025-11-02T09:00:00Z")).length).toBeGreaterThan(0);
  });

  it("leaves only a handful of the latest incidents open, and nothing after the end", () => {
    const open = generated.incidents.filter((incident) => incident.status !== "resolved");
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(20);
    for (const incident of open) {
      expect(incident.createdAt).toBeGreaterThan(until - 2 * DAY);
      expect(incident.resolvedAt).toBeNull();
    }
    for (const entry of generated.logEntries) expect(entry.at).toBeLessThan(until);
  });

  it("merges a few incidents into an earlier one on the same service", () => {
    const merged = generated.incidents.filter((incident) => incident.resolvedByMerge);
    expect(merged.length).toBeGreaterThan(10);
    expect(merged.length / generated.incidents.length).toBeLessThan(0.05);
    const byPagerdutyId = new Map(
      generated.incidents.map((incident) => [incident.pagerdutyId, incident]),
    );
    for (const incident of merged) {
      const parent = byPagerdutyId.get(incident.mergedIntoPagerdutyId ?? "");
      expect(parent?.serviceId).toBe(incident.serviceId);
      expect(parent?.createdAt).toBeLessThanOrEqual(incident.createdAt);
      expect(incident.acknowledgedAt).toBeNull();
    }
  });

  it("never acknowledges the noisy services' incidents, which clear themselves within minutes", () => {
    const noisy = generated.incidents.filter(
      (incident) => byId(organisation.services, incident.serviceId).spec.kind === "noisy",
    );
    expect(noisy.length).toBeGreaterThan(1_000);
    for (const incident of noisy) expect(incident.acknowledgedAt).toBeNull();
    const quick = noisy.filter(
      (incident) => (incident.resolvedAt ?? Infinity) - incident.createdAt <= 5 * 60_000,
    );
    expect(quick.length / noisy.length).toBeGreaterThan(0.7);
  });
});
