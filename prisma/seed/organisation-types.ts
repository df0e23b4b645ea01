import type { HolidayRegion } from "./holidays";

/** What a scale describes (specs) and what the generator builds from it (entities with ids). */

export type PageChannel = "push" | "sms" | "phone" | "email";

/** One step of a person's PagerDuty notification rules: contact them by `channel` after N minutes. */
export interface NotificationRule {
  channel: PageChannel;
  afterMinutes: number;
}

/**
 * How incidents of a service arrive over the week:
 * business: follows office hours; nightly-batch: jobs failing in the small hours;
 * flapping: health checks that fire at any hour; customer: support desk hours.
 */
export type ArrivalPattern = "business" | "nightly-batch" | "flapping" | "customer";

export type ServiceKind = "standard" | "noisy" | "customer-intake" | "paging-test";

/** A recurring alert of a service; `{n}`, `{region}`, `{pct}` and `{ms}` are filled per incident. */
export interface AlertKind {
  title: string;
  weight: number;
}

/** Volume multiplier over the range (0 = first day, 1 = last), for quarter-over-quarter stories. */
export type Trend = (progress: number) => number;

export interface ServiceSpec {
  name: string;
  kind: ServiceKind;
  pattern: ArrivalPattern;
  /** Mean incidents per week before the trend is applied. */
  weeklyIncidents: number;
  highUrgencyShare: number;
  alerts: readonly AlertKind[];
  /** Manually raised titles for staff-triggered incidents. */
  staffTitles?: readonly string[];
  trend?: Trend;
  /** Zone whose clock drives the arrival pattern (where the service's users are); default: the team's. */
  trafficZone?: string;
}

export interface MemberSpec {
  zone: string;
  /** Leave people.time_zone empty so the account zone applies. */
  withoutTimeZone?: boolean;
  holidayRegion?: HolidayRegion;
  /** primary: in the level-1 rotation (and level 2); secondary: level 2 only; none: never on call. */
  onCall: "primary" | "secondary" | "none";
  /** On call for this many consecutive weeks at a time (covering for a colleague). */
  streakWeeks?: number;
  /** Follow-the-sun only: which half of the day this person covers. */
  half?: "day" | "night";
}

export type RotationSpec =
  | { kind: "weekly"; swapChance: number }
  | { kind: "follow-the-sun"; dayStartHour: number; swapChance: number };

export interface TeamSpec {
  name: string;
  description: string;
  /** The zone of the team's schedules: handovers are wall-clock times in it. */
  zone: string;
  /** The first member is the manager. */
  members: readonly MemberSpec[];
  rotation: RotationSpec;
  escalationDelayMinutes: number;
  services: readonly ServiceSpec[];
}

export interface OrganisationSpec {
  teams: readonly TeamSpec[];
  /** Support agents who raise customer incidents; they belong to no engineering team. */
  supportAgentZones: readonly string[];
  /** A single "Paging test" service that runs a weekly test for every team. */
  pagingTest: { weekday: number; hour: number };
  timeInLieuOverrides: readonly string[];
}

export interface Person {
  id: number;
  pagerdutyId: string;
  name: string;
  email: string;
  timeZone: string | null;
  /** The zone the person lives by, even when time_zone is left empty. */
  homeZone: string;
  holidayRegion: HolidayRegion | null;
  highUrgencyRules: readonly NotificationRule[];
  lowUrgencyRules: readonly NotificationRule[];
  /** Multiplies acknowledgement delays: some people are quicker than others. */
  responsiveness: number;
}

export interface Team {
  id: number;
  pagerdutyId: string;
  name: string;
  description: string;
  zone: string;
  managerId: number;
  memberIds: readonly number[];
  spec: TeamSpec;
  escalationPolicyId: number;
  primaryScheduleId: number;
  secondaryScheduleId: number;
  /** Level-1 rotation order (a person repeats for a streak); level-2 pool. */
  primaryOrder: readonly number[];
  dayOrder: readonly number[];
  nightOrder: readonly number[];
  secondaryPool: readonly number[];
}

export interface Schedule {
  id: number;
  pagerdutyId: string;
  name: string;
  timeZone: string;
  teamId: number;
  level: 1 | 2;
}

export interface EscalationPolicy {
  id: number;
  pagerdutyId: string;
  name: string;
  numLoops: number;
  rules: unknown;
  teamIds: readonly number[];
}

export interface Service {
  id: number;
  pagerdutyId: string;
  name: string;
  spec: ServiceSpec;
  teamIds: readonly number[];
  escalationPolicyId: number;
  /** The Events API v2 integration that triggers and resolves its monitoring incidents. */
  eventsIntegrationId: string;
  emailIntegrationId: string;
  trafficZone: string;
  slug: string;
}

export interface Organisation {
  people: readonly Person[];
  teams: readonly Team[];
  schedules: readonly Schedule[];
  escalationPolicies: readonly EscalationPolicy[];
  services: readonly Service[];
  supportAgentIds: readonly number[];
  pagingTest: { serviceId: number; weekday: number; hour: number } | undefined;
  timeInLieuOverrideTeamIds: readonly number[];
}

/** Ids are dense and start at 1, so entity `id` n lives at index n − 1. */
export function byId<T extends { id: number }>(items: readonly T[], id: number): T {
  const item = items[id - 1];
  if (!item || item.id !== id) throw new RangeError(`No entity with id ${id}`);
  return item;
}
