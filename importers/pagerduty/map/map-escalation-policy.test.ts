import { describe, expect, it } from "vitest";
import { mapEscalationPolicy } from "./map-escalation-policy";
import { fixtureAt, fixtureObject } from "./testing/read-fixture";

const POLICY = "rest-api/port-ocean/escalation_policies/a.json";

describe("mapEscalationPolicy", () => {
  it("maps the port-ocean policy with its rules as PagerDuty sent them", () => {
    const mapped = mapEscalationPolicy(fixtureAt(POLICY));
    expect(mapped.rejections).toEqual([]);
    expect(mapped.records).toEqual([
      {
        kind: "escalation_policy",
        pagerdutyId: "P7LVMYP",
        name: "Backend Escalation Policy",
        numLoops: 1,
        rules: fixtureAt(POLICY, "escalation_rules"),
        teams: [],
      },
    ]);
  });

  it("defaults num_loops to 0 and rules to [] when they are absent", () => {
    const [record] = mapEscalationPolicy({
      id: "PT20YPA",
      name: "Another Escalation Policy",
    }).records;
    expect(record).toMatchObject({ numLoops: 0, rules: [] });
  });

  it("rejects a num_loops that is not a count", () => {
    expect(
      mapEscalationPolicy({ ...fixtureObject(POLICY), num_loops: "twice" }).rejections,
    ).toEqual(['escalation policy P7LVMYP: num_loops "twice" is not a number']);
  });
});
