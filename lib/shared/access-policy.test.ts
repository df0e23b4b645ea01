import { describe, expect, it } from "vitest";
import {
  describeRoles,
  hasAnyRole,
  managesAccounts,
  managesAnyOf,
  managesData,
  mayClaimFor,
  mayDecideFor,
  reportPeopleShown,
  seesOrganisation,
  seesPerson,
  seesTeam,
  type Viewer,
  visibleTeamIds,
} from "./access-policy";

// Teams 1 (Payments), 2 (Search), 3 (Mobile). People 10 (in 1), 20 (in 2), 30 (in 1 and 3).
const PAYMENTS = 1;
const SEARCH = 2;
const MOBILE = 3;
const inPayments = { id: 10, teamIds: [PAYMENTS] };
const inSearch = { id: 20, teamIds: [SEARCH] };
const inPaymentsAndMobile = { id: 30, teamIds: [PAYMENTS, MOBILE] };

function viewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    userId: "user",
    name: "Someone",
    email: "someone@example.test",
    personId: null,
    admin: false,
    leadership: false,
    engineer: false,
    managedTeamIds: [],
    memberTeamIds: [],
    ...overrides,
  };
}

const nobody = viewer();
// Linked to person 10 by e-mail, but no role granted (yet).
const linkedWithoutRole = viewer({ personId: 10, memberTeamIds: [PAYMENTS] });
const engineer = viewer({ personId: 10, engineer: true, memberTeamIds: [PAYMENTS] });
const manager = viewer({ managedTeamIds: [PAYMENTS] });
// Manages Search and is on call in Payments themself (person 30).
const managerAndEngineer = viewer({
  personId: 30,
  engineer: true,
  managedTeamIds: [SEARCH],
  memberTeamIds: [PAYMENTS, MOBILE],
});
const leadership = viewer({ leadership: true });
const admin = viewer({ admin: true });

describe("hasAnyRole", () => {
  it("is false without a grant, even when linked to a person", () => {
    expect(hasAnyRole(nobody)).toBe(false);
    expect(hasAnyRole(linkedWithoutRole)).toBe(false);
  });

  it("is true for each role, a manager grant included", () => {
    for (const someone of [engineer, manager, leadership, admin]) {
      expect(hasAnyRole(someone)).toBe(true);
    }
  });
});

describe("seesOrganisation", () => {
  it("is for admin and leadership only", () => {
    expect(
      [nobody, engineer, manager, managerAndEngineer, leadership, admin].map(seesOrganisation),
    ).toEqual([false, false, false, false, true, true]);
  });
});

describe("visibleTeamIds", () => {
  it("is every team for the organisation's viewers", () => {
    expect(visibleTeamIds(admin)).toBe("all");
    expect(visibleTeamIds(leadership)).toBe("all");
  });

  it("is the managed teams plus, with the engineer role, the person's own, sorted", () => {
    expect(visibleTeamIds(manager)).toEqual([PAYMENTS]);
    expect(visibleTeamIds(engineer)).toEqual([PAYMENTS]);
    expect(visibleTeamIds(managerAndEngineer)).toEqual([PAYMENTS, SEARCH, MOBILE]);
  });

  it("is empty without a role: membership alone shows nothing", () => {
    expect(visibleTeamIds(nobody)).toEqual([]);
    expect(visibleTeamIds(linkedWithoutRole)).toEqual([]);
  });
});

describe("seesTeam", () => {
  it("follows visibleTeamIds", () => {
    expect(seesTeam(engineer, PAYMENTS)).toBe(true);
    expect(seesTeam(engineer, SEARCH)).toBe(false);
    expect(seesTeam(manager, SEARCH)).toBe(false);
    expect(seesTeam(managerAndEngineer, MOBILE)).toBe(true);
    expect(seesTeam(leadership, 999)).toBe(true);
    expect(seesTeam(linkedWithoutRole, PAYMENTS)).toBe(false);
  });
});

describe("managesAnyOf", () => {
  it("is true when one of the teams is managed", () => {
    expect(managesAnyOf(manager, [SEARCH, PAYMENTS])).toBe(true);
    expect(managesAnyOf(manager, [SEARCH])).toBe(false);
    expect(managesAnyOf(manager, [])).toBe(false);
    // Being a member is not managing; neither is being an admin.
    expect(managesAnyOf(engineer, [PAYMENTS])).toBe(false);
    expect(managesAnyOf(admin, [PAYMENTS])).toBe(false);
  });
});

describe("seesPerson", () => {
  it("lets an admin see anyone", () => {
    expect([inPayments, inSearch, inPaymentsAndMobile].every((p) => seesPerson(admin, p))).toBe(
      true,
    );
  });

  it("lets an engineer see themself only", () => {
    expect(seesPerson(engineer, inPayments)).toBe(true);
    expect(seesPerson(engineer, inPaymentsAndMobile)).toBe(false);
    expect(seesPerson(engineer, inSearch)).toBe(false);
  });

  it("lets a manager see the members of their teams, including one also in another team", () => {
    expect(seesPerson(manager, inPayments)).toBe(true);
    expect(seesPerson(manager, inPaymentsAndMobile)).toBe(true);
    expect(seesPerson(manager, inSearch)).toBe(false);
    expect(seesPerson(managerAndEngineer, inSearch)).toBe(true);
    expect(seesPerson(managerAndEngineer, inPaymentsAndMobile)).toBe(true);
    expect(seesPerson(managerAndEngineer, inPayments)).toBe(false);
  });

  it("never lets leadership or an account without a role see a person's rows", () => {
    expect(seesPerson(leadership, inPayments)).toBe(false);
    expect(seesPerson(nobody, inPayments)).toBe(false);
    // Linked but without a role: not even their own.
    expect(seesPerson(linkedWithoutRole, inPayments)).toBe(false);
  });
});

describe("managesData and managesAccounts", () => {
  it("are the admin's alone", () => {
    for (const someone of [nobody, engineer, manager, managerAndEngineer, leadership]) {
      expect(managesData(someone)).toBe(false);
      expect(managesAccounts(someone)).toBe(false);
    }
    expect(managesData(admin)).toBe(true);
    expect(managesAccounts(admin)).toBe(true);
  });
});

describe("mayClaimFor", () => {
  it("lets a person with a role claim from their own ledger only", () => {
    expect(mayClaimFor(engineer, 10)).toBe(true);
    expect(mayClaimFor(engineer, 20)).toBe(false);
    expect(mayClaimFor(managerAndEngineer, 30)).toBe(true);
    // Managers, admins and the unlinked claim for nobody.
    expect(mayClaimFor(manager, 10)).toBe(false);
    expect(mayClaimFor(admin, 10)).toBe(false);
    expect(mayClaimFor(linkedWithoutRole, 10)).toBe(false);
  });
});

describe("mayDecideFor", () => {
  it("lets a manager decide for their team's members", () => {
    expect(mayDecideFor(manager, inPayments)).toBe(true);
    expect(mayDecideFor(manager, inPaymentsAndMobile)).toBe(true);
    expect(mayDecideFor(manager, inSearch)).toBe(false);
  });

  it("never on the manager's own ledger, and not for an admin or leadership as such", () => {
    const selfManaging = viewer({ personId: 10, engineer: true, managedTeamIds: [PAYMENTS] });
    expect(mayDecideFor(selfManaging, inPayments)).toBe(false);
    expect(mayDecideFor(selfManaging, inPaymentsAndMobile)).toBe(true);
    expect(mayDecideFor(admin, inPayments)).toBe(false);
    expect(mayDecideFor(leadership, inPayments)).toBe(false);
    expect(mayDecideFor(engineer, inPayments)).toBe(false);
  });
});

describe("reportPeopleShown", () => {
  it("shows an admin every row, whatever the scope", () => {
    expect(reportPeopleShown(admin, null)).toBe("all");
    expect(reportPeopleShown(admin, SEARCH)).toBe("all");
  });

  it("shows a manager every row of a team they manage, and their own row elsewhere", () => {
    expect(reportPeopleShown(manager, PAYMENTS)).toBe("all");
    expect(reportPeopleShown(managerAndEngineer, SEARCH)).toBe("all");
    expect(reportPeopleShown(managerAndEngineer, PAYMENTS)).toBe("own");
    // Not linked to a person: nothing of their own to show.
    expect(reportPeopleShown(manager, SEARCH)).toBe("none");
    expect(reportPeopleShown(manager, null)).toBe("none");
  });

  it("shows an engineer their own row, leadership and the role-less none", () => {
    expect(reportPeopleShown(engineer, PAYMENTS)).toBe("own");
    expect(reportPeopleShown(leadership, null)).toBe("none");
    expect(reportPeopleShown(leadership, PAYMENTS)).toBe("none");
    expect(reportPeopleShown(linkedWithoutRole, PAYMENTS)).toBe("none");
    expect(reportPeopleShown(nobody, null)).toBe("none");
  });
});

describe("describeRoles", () => {
  const teamName = (id: number) =>
    ({ 1: "Payments", 2: "Search", 3: "Mobile" })[id] ?? `team ${id}`;

  it("names each role in a fixed order", () => {
    expect(describeRoles(nobody, teamName)).toBe("No role yet");
    expect(describeRoles(engineer, teamName)).toBe("Engineer");
    expect(describeRoles(managerAndEngineer, teamName)).toBe("Manager of Search, Engineer");
    expect(
      describeRoles(
        viewer({ admin: true, leadership: true, managedTeamIds: [PAYMENTS, MOBILE] }),
        teamName,
      ),
    ).toBe("Admin, Leadership, Manager of Payments, Mobile");
  });
});
