import { describe, expect, it } from "vitest";
import { mapOncall } from "./map-oncall";
import type { RestObjectContext } from "./mapped-object";
import { fixtureAt, fixtureObject } from "./testing/read-fixture";

const context: RestObjectContext = { resourceKey: "oncalls", timeZone: null };

describe("mapOncall", () => {
  it("maps PagerDuty's example, whose times carry a -05:00 offset", () => {
    expect(
      mapOncall(fixtureAt("rest-api/openapi-examples/GET_oncalls.json", "oncalls", 0), context),
    ).toEqual({
      records: [
        {
          kind: "shift",
          source: "pagerduty_oncalls",
          person: { pagerdutyId: "PT23IWX", email: null, name: "Tim Wright" },
          schedule: { pagerdutyId: "PI7DH85", name: "Daily Engineering Rotation" },
          escalationPolicy: { pagerdutyId: "PT20YPA", name: "Engineering Escalation Policy" },
          level: 2,
          startAt: new Date("2015-03-06T20:28:51Z"),
          endAt: new Date("2015-03-07T20:28:51Z"),
        },
      ],
      rejections: [],
    });
  });

  it("reads an expanded user (include[]=users): id, e-mail and name", () => {
    const [shift] = mapOncall(fixtureAt("rest-api/port-ocean/oncalls/a.json"), context).records;
    expect(shift).toMatchObject({
      // The anonymised capture says name "John Doe" but summary "isaac"; the name wins.
      person: { pagerdutyId: "PJCRRLH", email: "jdoe@getport.io", name: "John Doe" },
      level: 1,
      startAt: new Date("2025-12-01T14:00:00Z"),
      endAt: new Date("2025-12-15T14:00:00Z"),
    });
  });

  it("accepts an on-call without a schedule (a user named directly in a rule)", () => {
    const oncall = {
      ...fixtureObject("rest-api/openapi-examples/GET_oncalls.json", "oncalls", 0),
      schedule: null,
    };
    const [shift] = mapOncall(oncall, context).records;
    expect(shift).toMatchObject({ schedule: null, level: 2 });
  });

  it("rejects a permanent on-call, whose start and end are null, saying why", () => {
    const oncall = {
      ...fixtureObject("rest-api/openapi-examples/GET_oncalls.json", "oncalls", 0),
      start: null,
      end: null,
    };
    expect(mapOncall(oncall, context).rejections).toEqual([
      "oncall of Tim Wright (PT23IWX), Engineering Escalation Policy level 2: start is null — PagerDuty gives no start or end for a permanent on-call (a user named directly in an escalation rule), so there is no shift to import",
    ]);
  });

  it("rejects an end that is not after the start", () => {
    const oncall = {
      ...fixtureObject("rest-api/openapi-examples/GET_oncalls.json", "oncalls", 0),
      end: "2015-03-06T15:28:51-05:00",
    };
    expect(mapOncall(oncall, context).rejections).toEqual([
      "oncall of Tim Wright (PT23IWX), Engineering Escalation Policy level 2: end 2015-03-06T20:28:51.000Z is not after start 2015-03-06T20:28:51.000Z",
    ]);
  });
});
