import { describe, expect, it } from "vitest";
import { mapTeam } from "./map-team";
import { fixtureAt } from "./testing/read-fixture";

describe("mapTeam", () => {
  it("maps a GET /teams item", () => {
    const team = {
      id: "PQ9K7I8",
      type: "team",
      summary: "Engineering",
      name: "Engineering",
      description: "All engineering",
    };
    expect(mapTeam(team)).toEqual({
      records: [
        {
          kind: "team",
          pagerdutyId: "PQ9K7I8",
          name: "Engineering",
          description: "All engineering",
        },
      ],
      rejections: [],
    });
  });

  it("maps a team reference (GET_users.json) by its summary, with no description", () => {
    const reference = fixtureAt("rest-api/openapi-examples/GET_users.json", "users", 0, "teams", 0);
    expect(mapTeam(reference).records).toEqual([
      { kind: "team", pagerdutyId: "PQ9K7I8", name: "Engineering", description: null },
    ]);
  });

  it("rejects a team without an id", () => {
    expect(mapTeam({ type: "team", name: "Ops" }).rejections).toEqual([
      "team without an id: id is missing",
    ]);
  });
});
