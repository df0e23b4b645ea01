import { regionOfZone } from "./holidays";
import { NameBook } from "./names";
import type {
  EscalationPolicy,
  NotificationRule,
  Organisation,
  OrganisationSpec,
  Person,
  Schedule,
  Service,
  ServiceSpec,
  Team,
} from "./organisation-types";
import { PagerDutyIdFactory } from "./pagerduty-ids";
import { createRandom, type Random } from "./random";

/** Typical PagerDuty notification rules; most people escalate push → SMS → phone. */
const HIGH_URGENCY_RULES: readonly (readonly [readonly NotificationRule[], number])[] = [
  [
    [
      { channel: "push", afterMinutes: 0 },
      { channel: "sms", afterMinutes: 1 },
      { channel: "phone", afterMinutes: 5 },
    ],
    40,
  ],
  [
    [
      { channel: "push", afterMinutes: 0 },
      { channel: "email", afterMinutes: 0 },
      { channel: "sms", afterMinutes: 1 },
      { channel: "phone", afterMinutes: 5 },
    ],
    25,
  ],
  [
    [
      { channel: "push", afterMinutes: 0 },
      { channel: "sms", afterMinutes: 0 },
      { channel: "email", afterMinutes: 0 },
      { channel: "phone", afterMinutes: 3 },
    ],
    15,
  ],
  [
    [
      { channel: "phone", afterMinutes: 0 },
      { channel: "sms", afterMinutes: 0 },
    ],
    10,
  ],
  [
    [
      { channel: "push", afterMinutes: 0 },
      { channel: "phone", afterMinutes: 5 },
      { channel: "phone", afterMinutes: 10 },
    ],
    10,
  ],
];

/** Low urgency rarely wakes anyone: many people only take it by email. */
const LOW_URGENCY_RULES: readonly (readonly [readonly NotificationRule[], number])[] = [
  [[{ channel: "email", afterMinutes: 0 }], 45],
  [[{ channel: "push", afterMinutes: 0 }], 35],
  [
    [
      { channel: "push", afterMinutes: 0 },
      { channel: "email", afterMinutes: 0 },
    ],
    20,
  ],
];

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function createPerson(
  id: number,
  zone: string,
  options: { withoutTimeZone?: boolean; holidayRegion?: Person["holidayRegion"] },
  names: NameBook,
  ids: PagerDutyIdFactory,
  behaviour: Random,
): Person {
  const { name, email } = names.next(options.holidayRegion ?? regionOfZone(zone) ?? "GB");
  return {
    id,
    pagerdutyId: ids.next(),
    name,
    email,
    timeZone: options.withoutTimeZone ? null : zone,
    homeZone: zone,
    holidayRegion: options.holidayRegion ?? null,
    highUrgencyRules: behaviour.weighted(HIGH_URGENCY_RULES),
    lowUrgencyRules: behaviour.weighted(LOW_URGENCY_RULES),
    responsiveness: Math.min(2, Math.max(0.5, behaviour.logNormal(1, 0.3))),
  };
}

/** Rotate a list so teams do not all start their rotation with their first member. */
function rotated<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** Turns a spec into entities with dense ids (1…n per table, in spec order). */
export function buildOrganisation(spec: OrganisationSpec, seed: number): Organisation {
  const ids = new PagerDutyIdFactory(createRandom(seed, "pagerduty-ids"));
  const names = new NameBook(createRandom(seed, "names"));
  const behaviour = createRandom(seed, "behaviour");

  const people: Person[] = [];
  const teams: Team[] = [];
  const schedules: Schedule[] = [];
  const escalationPolicies: EscalationPolicy[] = [];
  const services: Service[] = [];

  const addService = (
    serviceSpec: ServiceSpec,
    teamIds: readonly number[],
    policyId: number,
    zone: string,
  ) => {
    services.push({
      id: services.length + 1,
      pagerdutyId: ids.next(),
      name: serviceSpec.name,
      spec: serviceSpec,
      teamIds,
      escalationPolicyId: policyId,
      eventsIntegrationId: ids.next(),
      emailIntegrationId: ids.next(),
      trafficZone: serviceSpec.trafficZone ?? zone,
      slug: slugOf(serviceSpec.name),
    });
  };

  for (const [teamIndex, teamSpec] of spec.teams.entries()) {
    const teamId = teamIndex + 1;
    const memberIds = teamSpec.members.map((member) => {
      const person = createPerson(people.length + 1, member.zone, member, names, ids, behaviour);
      people.push(person);
      return person.id;
    });
    const members = teamSpec.members.map((member, index) => ({
      ...member,
      id: memberIds[index] ?? 0,
    }));
    const primaries = members.filter((member) => member.onCall === "primary");
    const primaryOrder = rotated(
      primaries.flatMap((member) => Array<number>(member.streakWeeks ?? 1).fill(member.id)),
      teamIndex,
    );
    const primaryScheduleId = schedules.length + 1;
    const secondaryScheduleId = primaryScheduleId + 1;
    const followsTheSun = teamSpec.rotation.kind === "follow-the-sun";
    schedules.push(
      {
        id: primaryScheduleId,
        pagerdutyId: ids.next(),
        name: `${teamSpec.name} Primary${followsTheSun ? " (follow the sun)" : ""}`,
        timeZone: teamSpec.zone,
        teamId,
        level: 1,
      },
      {
        id: secondaryScheduleId,
        pagerdutyId: ids.next(),
        name: `${teamSpec.name} Secondary`,
        timeZone: teamSpec.zone,
        teamId,
        level: 2,
      },
    );
    const policyId = escalationPolicies.length + 1;
    const scheduleTarget = (schedule: Schedule | undefined) => ({
      id: schedule?.pagerdutyId,
      type: "schedule_reference",
      summary: schedule?.name,
    });
    escalationPolicies.push({
      id: policyId,
      pagerdutyId: ids.next(),
      name: `${teamSpec.name} Escalation Policy`,
      numLoops: 0,
      rules: [primaryScheduleId, secondaryScheduleId].map((scheduleId) => ({
        id: ids.next(),
        escalation_delay_in_minutes: teamSpec.escalationDelayMinutes,
        targets: [scheduleTarget(schedules[scheduleId - 1])],
      })),
      teamIds: [teamId],
    });
    teams.push({
      id: teamId,
      pagerdutyId: ids.next(),
      name: teamSpec.name,
      description: teamSpec.description,
      zone: teamSpec.zone,
      managerId: memberIds[0] ?? 0,
      memberIds,
      spec: teamSpec,
      escalationPolicyId: policyId,
      primaryScheduleId,
      secondaryScheduleId,
      primaryOrder: followsTheSun ? [] : primaryOrder,
      dayOrder: rotated(
        primaries.filter((member) => member.half === "day").map((member) => member.id),
        teamIndex,
      ),
      nightOrder: rotated(
        primaries.filter((member) => member.half === "night").map((member) => member.id),
        teamIndex + 1,
      ),
      secondaryPool: rotated(
        members.filter((member) => member.onCall !== "none").map((member) => member.id),
        teamIndex + 2,
      ),
    });
    for (const serviceSpec of teamSpec.services) {
      addService(serviceSpec, [teamId], policyId, teamSpec.zone);
    }
  }

  const supportAgentIds = spec.supportAgentZones.map((zone) => {
    const person = createPerson(people.length + 1, zone, {}, names, ids, behaviour);
    people.push(person);
    return person.id;
  });

  // One shared "Paging test" service; each weekly test incident goes to one team's primary.
  const allTeamIds = teams.map((team) => team.id);
  const pagingTestPolicyId = escalationPolicies.length + 1;
  escalationPolicies.push({
    id: pagingTestPolicyId,
    pagerdutyId: ids.next(),
    name: "Paging test",
    numLoops: 0,
    rules: [
      {
        id: ids.next(),
        escalation_delay_in_minutes: 30,
        targets: schedules
          .filter((schedule) => schedule.level === 1)
          .map((schedule) => ({
            id: schedule.pagerdutyId,
            type: "schedule_reference",
            summary: schedule.name,
          })),
      },
    ],
    teamIds: allTeamIds,
  });
  addService(
    {
      name: "Paging test",
      kind: "paging-test",
      pattern: "business",
      weeklyIncidents: 0,
      highUrgencyShare: 1,
      alerts: [{ title: "Weekly paging test", weight: 1 }],
    },
    allTeamIds,
    pagingTestPolicyId,
    "UTC",
  );
  const pagingTestService = services[services.length - 1];

  return {
    people,
    teams,
    schedules,
    escalationPolicies,
    services,
    supportAgentIds,
    pagingTest: pagingTestService && {
      serviceId: pagingTestService.id,
      weekday: spec.pagingTest.weekday,
      hour: spec.pagingTest.hour,
    },
    timeInLieuOverrideTeamIds: teams
      .filter((team) => spec.timeInLieuOverrides.includes(team.name))
      .map((team) => team.id),
  };
}
