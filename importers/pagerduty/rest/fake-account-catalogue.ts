/**
 * The fake account's people and structure: users in several IANA zones, teams, services,
 * escalation policies (level 1 and level 2 schedules), weekly rotations and the on-call shifts
 * they produce. Field sets follow the port-ocean captures, without Ocean's `__` enrichments.
 */
import {
  type FakeObject,
  type FakeOncall,
  reference,
  selfLinks,
  utc,
  withAccountOffset,
} from "./fake-account-objects";
import type { SeededRandom } from "./fake-account-random";

const FIRST_NAMES = [
  "Astrid",
  "Noah",
  "Maya",
  "Kenji",
  "Leila",
  "Oskar",
  "Priya",
  "Diego",
  "Ines",
  "Tomás",
  "Yara",
  "Felix",
  "Amara",
  "Lucas",
  "Sofia",
  "Ravi",
];
const LAST_NAMES = [
  "Lindqvist",
  "Okafor",
  "Cohen",
  "Tanaka",
  "Haddad",
  "Berg",
  "Raman",
  "Alvarez",
  "Moreau",
  "Silva",
  "Novak",
  "Weber",
  "Mensah",
  "Kowalski",
  "Rossi",
  "Iyer",
];
/** Several zones on purpose: hour bands are computed in each person's own zone. */
const TIME_ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Asia/Jerusalem",
  "Europe/London",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Sao_Paulo",
];
const COLORS = ["purple", "green", "teal", "red", "orange", "blue"];
const TEAMS = [
  { name: "Payments", services: ["Payments API", "Checkout Web", "Customer Support Intake"] },
  { name: "Platform", services: ["API Gateway", "Postgres Cluster", "Paging Test"] },
  { name: "Mobile", services: ["Mobile Backend", "Push Delivery"] },
];
const WEEK_MS = 7 * 86_400_000;
/** Level 1 pages first; level 2 is paged when level 1 has not acknowledged after this long. */
export const ESCALATION_DELAY_MINUTES = 15;

export interface FakePerson {
  id: string;
  name: string;
  email: string;
}

export interface FakeTeamRoster {
  team: FakeObject;
  members: FakePerson[];
  escalationPolicy: FakeObject;
  services: FakeObject[];
}

export interface FakeCatalogue {
  users: FakeObject[];
  teams: FakeObject[];
  services: FakeObject[];
  escalation_policies: FakeObject[];
  schedules: FakeObject[];
  oncalls: FakeOncall[];
  rosters: FakeTeamRoster[];
  /** Who is on call for a team at a level (1 or 2) at an instant. */
  onCallAt(roster: FakeTeamRoster, level: 1 | 2, ms: number): FakePerson;
}

export function generateCatalogue(
  random: SeededRandom,
  {
    subdomain,
    people,
    start,
    end,
  }: { subdomain: string; people: number; start: number; end: number },
): FakeCatalogue {
  const createdAt = start - 400 * 86_400_000;
  const persons: FakePerson[] = [];
  const users: FakeObject[] = [];
  const teams: FakeObject[] = [];
  const services: FakeObject[] = [];
  const escalation_policies: FakeObject[] = [];
  const schedules: FakeObject[] = [];
  const oncalls: FakeOncall[] = [];
  const rosters: FakeTeamRoster[] = [];

  for (const spec of TEAMS) {
    const id = random.id("P", 7);
    teams.push({
      ...selfLinks("team", id, spec.name, subdomain),
      name: spec.name,
      description: `${spec.name} on-call team`,
      parent: null,
      default_role: "manager",
    });
    const policyName = `${spec.name} Escalation Policy`;
    rosters.push({
      team: reference("team", id, spec.name, subdomain),
      members: [],
      escalationPolicy: reference("escalation_policy", random.id("P", 7), policyName, subdomain),
      services: [],
    });
  }

  for (let index = 0; index < Math.max(1, people); index += 1) {
    const roster = rosters[index % rosters.length];
    if (!roster) continue;
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? "Alex";
    const last = LAST_NAMES[(index * 7 + 3) % LAST_NAMES.length] ?? "Doe";
    const name = index < FIRST_NAMES.length ? `${first} ${last}` : `${first} ${last} ${index}`;
    const id = random.id("P", 7);
    const email = `${first}.${last}${index >= FIRST_NAMES.length ? index : ""}@example.com`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    const person = { id, name, email };
    persons.push(person);
    roster.members.push(person);
    users.push(
      user(random, person, roster.team, TIME_ZONES[index % TIME_ZONES.length] ?? "UTC", subdomain),
    );
  }

  for (const roster of rosters) {
    const teamName = String(roster.team.summary);
    const teamSpec = TEAMS.find((spec) => spec.name === teamName);
    const policyReference = roster.escalationPolicy;
    const policyId = policyReference.id;
    const policyName = String(policyReference.summary);
    const scheduleReferences: FakeObject[] = [];
    for (const [level, label] of [
      [1, "Primary"],
      [2, "Secondary"],
    ] as const) {
      const scheduleId = random.id("P", 7);
      const scheduleName = `${teamName} ${label} - Weekly Rotation`;
      const scheduleReference = reference("schedule", scheduleId, scheduleName, subdomain);
      scheduleReferences.push(scheduleReference);
      schedules.push({
        description: `The ${label.toLowerCase()} weekly on-call rotation of ${teamName}.`,
        escalation_policies: [policyReference],
        ...selfLinks("schedule", scheduleId, scheduleName, subdomain),
        name: scheduleName,
        teams: [roster.team],
        time_zone: "Europe/Stockholm",
        users: roster.members.map((member) => reference("user", member.id, member.name, subdomain)),
      });
      oncalls.push(
        ...weeklyShifts(roster, level, policyReference, scheduleReference, start, end, subdomain),
      );
    }
    for (const serviceName of teamSpec?.services ?? []) {
      const serviceId = random.id("P", 7);
      roster.services.push(reference("service", serviceId, serviceName, subdomain));
      services.push({
        name: serviceName,
        description: null,
        created_at: withAccountOffset(createdAt),
        updated_at: withAccountOffset(createdAt),
        status: "active",
        teams: [roster.team],
        alert_creation: "create_alerts_and_incidents",
        addons: [],
        scheduled_actions: [],
        support_hours: null,
        last_incident_timestamp: utc(end),
        escalation_policy: policyReference,
        incident_urgency_rule: { type: "constant", urgency: "high" },
        acknowledgement_timeout: null,
        auto_resolve_timeout: null,
        integrations: [],
        ...selfLinks("service", serviceId, serviceName, subdomain),
      });
    }
    escalation_policies.push({
      ...selfLinks("escalation_policy", policyId, policyName, subdomain),
      name: policyName,
      escalation_rules: scheduleReferences.map((target) => ({
        id: random.id("P", 7),
        escalation_delay_in_minutes: ESCALATION_DELAY_MINUTES,
        targets: [target],
      })),
      services: roster.services,
      num_loops: 1,
      teams: [roster.team],
      description: `Pages ${teamName}'s primary, then secondary on-call.`,
      on_call_handoff_notifications: "if_has_services",
      privilege: null,
      created_at: withAccountOffset(createdAt),
      updated_at: withAccountOffset(createdAt),
    });
  }

  return {
    users,
    teams,
    services,
    escalation_policies,
    schedules,
    oncalls,
    rosters,
    onCallAt: (roster, level, ms) => rotationMember(roster, level, start, ms),
  };
}

/** Level 1 rotates weekly through the members from `start`; level 2 is the next member along. */
function rotationMember(
  roster: FakeTeamRoster,
  level: 1 | 2,
  start: number,
  ms: number,
): FakePerson {
  const week = Math.max(0, Math.floor((ms - start) / WEEK_MS));
  const member = roster.members[(week + level - 1) % roster.members.length];
  if (!member) throw new Error(`Team ${String(roster.team.summary)} has no members`);
  return member;
}

/** Shifts of one level from `start` to `end`; the last one is cut at `end`, as if the schedule were read then. */
function weeklyShifts(
  roster: FakeTeamRoster,
  level: 1 | 2,
  policy: FakeObject,
  schedule: FakeObject,
  start: number,
  end: number,
  subdomain: string,
): FakeOncall[] {
  const shifts: FakeOncall[] = [];
  for (let shiftStart = start; shiftStart < end; shiftStart += WEEK_MS) {
    const member = rotationMember(roster, level, start, shiftStart);
    shifts.push({
      escalation_policy: policy,
      escalation_level: level,
      schedule,
      user: reference("user", member.id, member.name, subdomain),
      start: utc(shiftStart),
      end: utc(Math.min(end, shiftStart + WEEK_MS)),
    });
  }
  return shifts;
}

function user(
  random: SeededRandom,
  person: FakePerson,
  team: FakeObject,
  timeZone: string,
  subdomain: string,
): FakeObject {
  const methods = [
    ["email", "Default"],
    ["phone", "Mobile"],
    ["push_notification", "iPhone"],
    ["sms", "Mobile"],
  ] as const;
  const contactMethods = methods.map(([kind, summary]) => {
    const id = random.id("P", 7);
    return {
      id,
      type: `${kind}_contact_method_reference`,
      summary,
      self: `https://api.pagerduty.com/users/${person.id}/contact_methods/${id}`,
      html_url: null,
    };
  });
  const rules = [0, 1, 3].map((minutes, index) => {
    const id = random.id("P", 7);
    const channel = contactMethods[(index + 2) % contactMethods.length]?.id ?? "";
    return {
      id,
      type: "assignment_notification_rule_reference",
      summary: `${minutes} minutes: channel ${channel}`,
      self: `https://api.pagerduty.com/users/${person.id}/notification_rules/${id}`,
      html_url: null,
    };
  });
  return {
    name: person.name,
    email: person.email,
    time_zone: timeZone,
    color: random.pick(COLORS),
    avatar_url: `https://secure.gravatar.com/avatar/${person.id.toLowerCase()}.png?d=mm&r=PG`,
    billed: true,
    role: random.chance(0.2) ? "admin" : "user",
    description: null,
    invitation_sent: false,
    job_title: null,
    teams: [team],
    created_via_sso: false,
    contact_methods: contactMethods,
    notification_rules: rules,
    locale: "en-US",
    ...selfLinks("user", person.id, person.name, subdomain),
  };
}
