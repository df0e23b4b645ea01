/**
 * The metric functions on real PagerDuty payloads (../shared/fixtures/pagerduty, see its README):
 * the fields a PagerDuty object carries, fed straight in, with results worked out by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyDetection, type DetectionInput } from "./detection-source";
import { gini } from "./fairness";
import { createPersonCalendar } from "./holidays";
import { onCallWeeks, rotationStats, summariseOnCall } from "./on-call";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures/pagerduty");
const read = (file: string) => JSON.parse(readFileSync(path.join(fixtures, file), "utf8"));

interface Reference {
  type: string;
  summary?: string;
}
interface RestIncident {
  title: string;
  service: Reference;
  first_trigger_log_entry: { channel?: { type: string }; agent?: Reference };
}

function detectionInputOf(incident: RestIncident): DetectionInput {
  return {
    title: incident.title,
    serviceName: incident.service.summary ?? null,
    serviceIsCustomerIntake: null,
    serviceIsPagingTest: null,
    reportedDetectionSource: null,
    override: null,
    triggerChannel: incident.first_trigger_log_entry.channel?.type ?? null,
    triggerAgentType: incident.first_trigger_log_entry.agent?.type ?? null,
    triggerEmailFrom: null,
  };
}

describe("detection source of real incidents", () => {
  it("calls a web-app trigger staff, even when the title says 'Test incident'", () => {
    // "Test incident" on "API Gateway MTBF Test" matches neither "paging test" nor "test page".
    expect(
      classifyDetection(detectionInputOf(read("rest-api/port-ocean/incidents/a.json"))),
    ).toEqual({
      source: "staff",
      rule: "triggered by a person in the web app",
    });
  });

  it("leaves a REST API call made with a person's token unknown (it may be a script)", () => {
    const incident = read("rest-api/port-ocean/incidents/c.json");
    expect(incident.first_trigger_log_entry.channel.type).toBe("api");
    expect(incident.first_trigger_log_entry.agent.type).toBe("user_reference");
    expect(classifyDetection(detectionInputOf(incident)).source).toBe("unknown");
  });

  it("calls an API trigger by a service monitoring", () => {
    // The trigger's agent is the service itself (service_reference), through the API channel.
    const [trigger] = read("rest-api/openapi-examples/GET_log_entries.json").log_entries;
    expect(trigger.agent.type).toBe("service_reference");
    expect(
      classifyDetection({
        ...detectionInputOf({
          title: trigger.incident.summary,
          service: trigger.agent,
          first_trigger_log_entry: trigger,
        }),
      }),
    ).toEqual({ source: "monitoring", rule: "triggered by an integration (REST API)" });
  });

  it("calls a webhook trigger by a user (agent, no channel) staff", () => {
    const { event } = read("webhooks-v3/signed/incident.triggered.json");
    expect(
      classifyDetection({
        ...detectionInputOf({
          title: event.data.title,
          service: event.data.service,
          first_trigger_log_entry: { agent: event.agent },
        }),
      }),
    ).toEqual({ source: "staff", rule: "triggered by a person" });
  });
});

describe("on-call of a real rotation (Port Ocean's GET /oncalls items, Asia/Jerusalem)", () => {
  const shiftsOf = (...files: string[]) =>
    files.map((file) => {
      const oncall = read(`rest-api/port-ocean/oncalls/${file}`);
      return {
        start: new Date(oncall.start),
        end: new Date(oncall.end),
        level: oncall.escalation_level,
      };
    });
  const john = shiftsOf("b.json", "d.json");
  const jane = shiftsOf("c.json");
  const jerusalem = createPersonCalendar({ timeZone: "Asia/Jerusalem", holidayRegion: null });
  const period = { start: new Date("2026-03-30T13:00:00Z"), end: new Date("2026-04-27T13:00:00Z") };

  it("counts weeks in the person's zone: Monday 16:00 handovers leave 16 h in the next week", () => {
    // Israel is on UTC+3 from 27 March 2026, so 13:00Z is 16:00 local: W14 holds Monday 16:00 to
    // Sunday 24:00 = 152 h, W15 only 16 h (< 24 h), and likewise W17/W18.
    expect(onCallWeeks(john, period, jerusalem)).toEqual(["2026-W14", "2026-W17"]);
    expect(rotationStats(onCallWeeks(john, period, jerusalem))).toMatchObject({
      meanIntervalWeeks: 3,
      longestStreakWeeks: 1,
    });
    expect(onCallWeeks(jane, period, jerusalem)).toEqual(["2026-W15", "2026-W16"]);
    expect(rotationStats(onCallWeeks(jane, period, jerusalem)).longestStreakWeeks).toBe(2);
  });

  it("shares the four weeks evenly: 336 h each, Gini 0", () => {
    const hours = [john, jane].map((shifts) => summariseOnCall(shifts, period, jerusalem).hours);
    expect(hours).toEqual([336, 336]);
    expect(gini(hours)).toBe(0);
  });
});
