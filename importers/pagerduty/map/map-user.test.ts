import { describe, expect, it } from "vitest";
import { mapUser } from "./map-user";
import { fixtureAt, fixtureObject } from "./testing/read-fixture";

describe("mapUser", () => {
  it("maps PagerDuty's GET /users example", () => {
    expect(mapUser(fixtureAt("rest-api/openapi-examples/GET_users.json", "users", 0))).toEqual({
      records: [
        {
          kind: "person",
          pagerdutyId: "PXPGF42",
          name: "Earline Greenholt",
          email: "125.greenholt.earline@graham.name",
          timeZone: "America/Lima",
          teams: [{ pagerdutyId: "PQ9K7I8", name: "Engineering" }],
        },
      ],
      rejections: [],
    });
  });

  it("maps the port-ocean user, ignoring contact methods and notification rules", () => {
    expect(mapUser(fixtureAt("rest-api/port-ocean/users/a.json")).records).toEqual([
      {
        kind: "person",
        pagerdutyId: "P4K4DLP",
        name: "John Doe",
        email: "jdoe@getport.io",
        timeZone: "Asia/Jerusalem",
        teams: [],
      },
    ]);
  });

  it("lower-cases the e-mail and maps a Rails zone name", () => {
    const user = {
      ...fixtureObject("rest-api/port-ocean/users/a.json"),
      email: " JDoe@GetPort.io ",
      time_zone: "Eastern Time (US & Canada)",
    };
    expect(mapUser(user).records[0]).toMatchObject({
      email: "jdoe@getport.io",
      timeZone: "America/New_York",
    });
  });

  it("still imports a person whose zone cannot be placed, with no zone (the account's applies)", () => {
    const user = { ...fixtureObject("rest-api/port-ocean/users/a.json"), time_zone: "Gotham" };
    const mapped = mapUser(user);
    expect(mapped.rejections).toEqual([]);
    expect(mapped.records[0]).toMatchObject({ timeZone: null, name: "John Doe" });
  });

  it("rejects a user without a name", () => {
    expect(mapUser({ id: "P1234AB", type: "user", email: "a@example.com" }).rejections).toEqual([
      "user P1234AB: name is missing",
    ]);
  });
});
