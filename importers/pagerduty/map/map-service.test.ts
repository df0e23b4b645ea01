import { describe, expect, it } from "vitest";
import { mapService } from "./map-service";
import { fixtureAt } from "./testing/read-fixture";

describe("mapService", () => {
  it("maps a port-ocean service, ignoring Ocean's __ enrichments", () => {
    expect(mapService(fixtureAt("rest-api/port-ocean/services/a.json"))).toEqual({
      records: [
        {
          kind: "service",
          pagerdutyId: "P9GEW6E",
          name: "Create From Port - Test 3",
          status: "critical",
          escalationPolicy: { pagerdutyId: "P7LVMYP", name: "Backend Escalation Policy" },
          teams: [],
        },
      ],
      rejections: [],
    });
  });

  it("maps the later snapshot of the same service with its new status", () => {
    const [record] = mapService(fixtureAt("rest-api/port-ocean/services/e.json")).records;
    expect(record).toMatchObject({ pagerdutyId: "P9GEW6E", status: "active" });
  });

  it("rejects a service without a name", () => {
    expect(mapService({ id: "PIJ90N7", type: "service" }).rejections).toEqual([
      "service PIJ90N7: name is missing",
    ]);
  });
});
