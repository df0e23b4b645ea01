import type {
  AlertKind,
  MemberSpec,
  OrganisationSpec,
  ServiceSpec,
  TeamSpec,
} from "./organisation-types";
import type { Random } from "./random";

/**
 * Procedural organisations for the small and large scales: the demo's team archetypes repeated
 * (mostly healthy weekly rotations, some follow-the-sun teams, some teams on call every other week,
 * some with a person covering three weeks in a row), spread over the same zones.
 */

// Words chosen so no generated name trips the customer-intake ("customer", "support") or
// paging-test default rules.
// biome-ignore format: word lists read best packed
const AREAS = [
  "Payments", "Billing", "Checkout", "Search", "Identity", "Messaging", "Notifications", "Catalog",
  "Inventory", "Fulfilment", "Logistics", "Pricing", "Fraud", "Risk", "Ledger", "Onboarding",
  "Growth", "Ads", "Recommendations", "Media", "Storage", "Networking", "Compute", "Observability",
  "Data", "Analytics", "Mobile", "Web", "Partners", "Marketplace", "Loyalty", "Subscriptions",
  "Maps", "Video", "Chat",
] as const;
// biome-ignore format: word lists read best packed
const FUNCTIONS = [
  "", "Core", "Platform", "Experience", "Integrations", "Reliability", "Infrastructure",
  "Services", "Foundations", "Tooling",
] as const;
const SERVICE_NOUNS = ["API", "Gateway", "Web", "Consumer", "Sync", "Indexer"];
const REGIONS_OF_ZONE: Record<string, readonly string[]> = {
  "Europe/Stockholm": ["Europe/Stockholm", "Europe/London", "Asia/Kolkata"],
  "Europe/London": ["Europe/London", "Europe/Stockholm", "Asia/Kolkata"],
  "America/New_York": ["America/New_York", "America/Chicago", "America/Los_Angeles"],
  "America/Chicago": ["America/Chicago", "America/New_York", "America/Denver"],
  "America/Los_Angeles": ["America/Los_Angeles", "America/Denver", "America/New_York"],
  "Asia/Kolkata": ["Asia/Kolkata", "Europe/London"],
  "Australia/Sydney": ["Australia/Sydney", "Australia/Melbourne", "Asia/Kolkata"],
};
const TEAM_ZONES: readonly (readonly [string, number])[] = [
  ["Europe/Stockholm", 2],
  ["Europe/London", 3],
  ["America/New_York", 3],
  ["America/Chicago", 1],
  ["America/Los_Angeles", 2],
  ["Asia/Kolkata", 2],
  ["Australia/Sydney", 1],
];

function businessAlerts(slug: string): AlertKind[] {
  return [
    { title: `[Datadog] 5xx error rate above {pct}% on ${slug}`, weight: 3 },
    { title: `[Datadog] p99 latency above {ms}ms on ${slug}`, weight: 3 },
    { title: `[FIRING:1] KubePodCrashLooping ${slug} (prod-{region})`, weight: 2 },
    { title: `${slug}: error budget burn rate above 14x`, weight: 1 },
    { title: `[FIRING:1] TargetDown: ${slug} (prod-{region})`, weight: 1 },
  ];
}

function noisyService(name: string, slug: string, random: Random): ServiceSpec {
  const nightly = random.chance(0.5);
  return {
    name,
    kind: "noisy",
    pattern: nightly ? "nightly-batch" : "flapping",
    weeklyIncidents: random.between(15, 40),
    highUrgencyShare: random.between(0.1, 0.35),
    alerts: nightly
      ? [
          { title: `Nightly job ${slug}-batch failed (exit 1)`, weight: 3 },
          { title: `[Datadog] Queue depth above threshold: ${slug}-jobs`, weight: 2 },
          { title: `Airflow DAG ${slug.replace(/-/g, "_")}_daily missed its SLA`, weight: 2 },
        ]
      : [
          { title: `Health check failed: ${slug}-{n}.{region}`, weight: 4 },
          { title: `[Pingdom] DOWN: https://${slug}.example.com/health`, weight: 2 },
        ],
  };
}

const CUSTOMER_ALERTS: readonly AlertKind[] = [
  { title: "Customer reports: payments declined (ticket #{ticket})", weight: 3 },
  { title: "Enterprise customer cannot log in (ticket #{ticket})", weight: 2 },
  { title: "Customers report missing confirmation emails", weight: 2 },
  { title: "Customer reports data export stuck (ticket #{ticket})", weight: 2 },
];
const CUSTOMER_DESKS = ["EMEA", "Americas", "APAC", "Enterprise", "Merchants", "Partners"];

function customerDesk(index: number): string {
  const round = Math.floor(index / CUSTOMER_DESKS.length);
  return `${CUSTOMER_DESKS[index % CUSTOMER_DESKS.length]}${round > 0 ? ` ${round + 1}` : ""}`;
}

function memberSpecs(zone: string, size: number, random: Random): MemberSpec[] {
  const neighbours = REGIONS_OF_ZONE[zone] ?? [zone];
  return Array.from({ length: size }, (_, index) => ({
    zone: index === 0 || random.chance(0.7) ? zone : random.pick(neighbours),
    withoutTimeZone: random.chance(0.02),
    onCall: "primary" as const,
  }));
}

function teamSpec(index: number, random: Random, customerDesk: string | undefined): TeamSpec {
  const area = AREAS[index % AREAS.length] ?? "Core";
  const suffix = FUNCTIONS[Math.floor(index / AREAS.length) % FUNCTIONS.length] ?? "";
  const round = Math.floor(index / (AREAS.length * FUNCTIONS.length));
  const name = [area, suffix, round > 0 ? String(round + 1) : ""].filter(Boolean).join(" ");
  const archetype = index % 12;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const services: ServiceSpec[] = [
    {
      name: `${name} ${random.pick(SERVICE_NOUNS)}`,
      kind: "standard",
      pattern: "business",
      weeklyIncidents: random.between(4, 12),
      highUrgencyShare: random.between(0.6, 0.9),
      alerts: businessAlerts(`${slug}-api`),
      trend: (progress) => 0.9 + 0.2 * progress,
      staffTitles: [`${name}: requests failing for some users`, `${name}: bad deploy rolled back`],
    },
  ];
  for (const [chance, noun] of [
    [0.8, "Worker"],
    [0.15, "Scheduler"],
  ] as const) {
    if (!random.chance(chance)) continue;
    services.push({
      name: `${name} ${noun}`,
      kind: "standard",
      pattern: "business",
      weeklyIncidents: random.between(2, 6),
      highUrgencyShare: random.between(0.5, 0.8),
      alerts: businessAlerts(`${slug}-${noun.toLowerCase()}`),
    });
  }
  if (index % 3 === 1) services.push(noisyService(`${name} Jobs`, `${slug}-jobs`, random));
  if (customerDesk) {
    services.push({
      name: `Customer Escalations (${customerDesk})`,
      kind: "customer-intake",
      pattern: "customer",
      weeklyIncidents: random.between(6, 12),
      highUrgencyShare: 0.85,
      alerts: CUSTOMER_ALERTS,
      trend: (progress) => 1.3 - 0.6 * progress,
    });
  }

  if (archetype === 0) {
    const day = memberSpecs("Europe/Stockholm", 5, random).map((member, position) => ({
      ...member,
      onCall: position === 0 ? ("secondary" as const) : ("primary" as const),
      half: "day" as const,
    }));
    const night = memberSpecs("America/New_York", 4, random).map((member) => ({
      ...member,
      zone: "America/New_York",
      half: "night" as const,
    }));
    return {
      name,
      description: `${name}, following the sun between Stockholm and New York.`,
      zone: "Europe/Stockholm",
      rotation: { kind: "follow-the-sun", dayStartHour: 7, swapChance: 0.04 },
      escalationDelayMinutes: 15,
      members: [...day, ...night],
      services,
    };
  }
  const zone = random.weighted(TEAM_ZONES);
  const size = random.int(6, 10);
  const members = memberSpecs(zone, size, random).map((member, position): MemberSpec => {
    if (position === 0) return { ...member, onCall: "secondary" };
    // Every other week: only two engineers carry the pager.
    if (archetype === 5) return { ...member, onCall: position <= 2 ? "primary" : "secondary" };
    // Healthy teams keep their primary rotation at four to seven people.
    const rotationSize = 4 + (index % 4);
    const onCall = position <= rotationSize ? "primary" : "secondary";
    return archetype === 9 && position === 1
      ? { ...member, onCall, streakWeeks: 3 }
      : { ...member, onCall };
  });
  return {
    name,
    description: `${name} team.`,
    zone,
    rotation: { kind: "weekly", swapChance: archetype === 5 || archetype === 9 ? 0 : 0.05 },
    escalationDelayMinutes: random.chance(0.5) ? 15 : 30,
    members,
    services,
  };
}

/** Scales every service so the organisation produces about `weeklyIncidents` incidents a week. */
export function generatedOrganisation(
  teamCount: number,
  weeklyIncidents: number,
  random: Random,
): OrganisationSpec {
  const teams = Array.from({ length: teamCount }, (_, index) =>
    teamSpec(index, random, index % 12 === 3 ? customerDesk(Math.floor(index / 12)) : undefined),
  );
  let total = 0;
  for (const team of teams) for (const service of team.services) total += service.weeklyIncidents;
  const factor = weeklyIncidents / total;
  return {
    teams: teams.map((team) => ({
      ...team,
      services: team.services.map((service) => ({
        ...service,
        weeklyIncidents: service.weeklyIncidents * factor,
      })),
    })),
    supportAgentZones: Array.from({ length: Math.max(3, Math.round(teamCount / 8)) }, (_, index) =>
      index % 3 === 2 ? "America/New_York" : "Europe/London",
    ),
    pagingTest: { weekday: 3, hour: 11 },
    timeInLieuOverrides: teams.filter((_, index) => index % 10 === 0).map((team) => team.name),
  };
}
