import { hourWeight, WEEKLY_WEIGHT_TOTAL } from "./arrival-patterns";
import { holidayOn, regionOfZone } from "./holidays";
import type { Organisation, Service, Team } from "./organisation-types";
import type { Random } from "./random";
import {
  addCalendarDays,
  HOUR,
  localParts,
  MINUTE,
  offsetChanges,
  zonedInstant,
} from "./zoned-time";

/**
 * When incidents trigger. Organic alerts are a Poisson process whose hourly rate follows the
 * service's pattern in its own zone (computed per UTC hour, so DST needs no special case). On top
 * come the weekly paging tests, an incident on every public holiday of each team's region and one
 * on every DST-change night, because those are exactly the hours the metrics must get right.
 */

export type ArrivalCause = "organic" | "follow-on" | "paging-test" | "holiday" | "dst";

export interface Arrival {
  at: number;
  serviceId: number;
  teamId: number;
  cause: ArrivalCause;
  /** dst: the offset change in minutes (+60 spring forward, −60 fall back). */
  offsetChange?: number;
}

interface ZoneHour {
  weekday: number;
  hour: number;
  isDayOff: boolean;
}

function zoneHours(zone: string, start: number, hours: number): ZoneHour[] {
  const region = regionOfZone(zone);
  return Array.from({ length: hours }, (_, index) => {
    // Mid-hour, so half-hour zones (Asia/Kolkata) land in the local hour covering most of it.
    const local = localParts(start + index * HOUR + 30 * MINUTE, zone);
    const isDayOff = local.weekday >= 6 || holidayOn(region, local.dateKey) !== undefined;
    return { weekday: local.weekday, hour: local.hour, isDayOff };
  });
}

/** Whole-second instants, as PagerDuty reports them. */
function toSecond(instant: number): number {
  return Math.floor(instant / 1000) * 1000;
}

function organicArrivals(
  services: readonly Service[],
  start: number,
  end: number,
  progress: number,
  random: Random,
): Arrival[] {
  const hours = Math.round((end - start) / HOUR);
  const byZone = new Map<string, ZoneHour[]>();
  const arrivals: Arrival[] = [];
  for (const service of services) {
    const { spec } = service;
    const teamId = service.teamIds[0];
    if (spec.kind === "paging-test" || spec.weeklyIncidents <= 0 || teamId === undefined) continue;
    let table = byZone.get(service.trafficZone);
    if (!table) {
      table = zoneHours(service.trafficZone, start, hours);
      byZone.set(service.trafficZone, table);
    }
    const rate =
      (spec.weeklyIncidents * (spec.trend?.(progress) ?? 1)) / WEEKLY_WEIGHT_TOTAL[spec.pattern];
    for (const [index, slot] of table.entries()) {
      const count = random.poisson(
        rate * hourWeight(spec.pattern, slot.weekday, slot.hour, slot.isDayOff),
      );
      for (let n = 0; n < count; n++) {
        const at = toSecond(start + index * HOUR + random.next() * HOUR);
        arrivals.push({ at, serviceId: service.id, teamId, cause: "organic" });
        // One failure often sets off more alerts on the same service within minutes.
        if (spec.kind === "standard" && random.chance(0.05)) {
          for (let more = random.int(1, 2); more > 0; more--) {
            const followOn = toSecond(at + random.between(1, 12) * MINUTE);
            if (followOn < end)
              arrivals.push({ at: followOn, serviceId: service.id, teamId, cause: "follow-on" });
          }
        }
      }
    }
  }
  return arrivals;
}

/** Local calendar dates that overlap [start, end) in a zone. */
function localDates(zone: string, start: number, end: number) {
  const first = localParts(start, zone);
  const last = localParts(end - 1, zone);
  const dates = [];
  for (let date = addCalendarDays(first, 0); ; date = addCalendarDays(date, 1)) {
    dates.push(date);
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
  }
  return dates;
}

function teamArrivals(
  organisation: Organisation,
  team: Team,
  start: number,
  end: number,
  random: Random,
): Arrival[] {
  const arrivals: Arrival[] = [];
  const zone = team.zone;
  const region = regionOfZone(zone);
  const standard = organisation.services.filter(
    (service) => service.teamIds[0] === team.id && service.spec.kind === "standard",
  );
  const within = (at: number) => at >= start && at < end;
  const pagingTest = organisation.pagingTest;

  for (const date of localDates(zone, start, end)) {
    if (pagingTest && date.weekday === pagingTest.weekday) {
      // The scheduled test job fires a few seconds after the hour.
      const at = zonedInstant(
        zone,
        date.year,
        date.month,
        date.day,
        pagingTest.hour,
        0,
        random.int(2, 25),
      );
      if (within(at))
        arrivals.push({
          at,
          serviceId: pagingTest.serviceId,
          teamId: team.id,
          cause: "paging-test",
        });
    }
    const key = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    if (standard.length > 0 && holidayOn(region, key)) {
      const hour = random.pick([0, 1, 2, 3, 5, 6, 11, 15, 20, 21, 22, 23]);
      const at = zonedInstant(
        zone,
        date.year,
        date.month,
        date.day,
        hour,
        random.int(0, 59),
        random.int(0, 59),
      );
      if (within(at)) {
        arrivals.push({
          at,
          serviceId: random.pick(standard).id,
          teamId: team.id,
          cause: "holiday",
        });
      }
    }
  }

  if (standard.length > 0) {
    for (const change of offsetChanges(zone, start, end)) {
      // Within 40 minutes of the change: in the skipped hour's neighbours or the repeated hour.
      const minutes = random.pick([-1, 1]) * random.int(10, 40);
      const at = toSecond(change.at + minutes * MINUTE + random.int(0, 59) * 1000);
      if (within(at)) {
        arrivals.push({
          at,
          serviceId: random.pick(standard).id,
          teamId: team.id,
          cause: "dst",
          offsetChange: change.change,
        });
      }
    }
  }
  return arrivals;
}

/** Every incident arrival in [start, end), in time order. */
export function arrivalsBetween(
  organisation: Organisation,
  start: number,
  end: number,
  progress: number,
  random: Random,
): Arrival[] {
  const arrivals = organicArrivals(organisation.services, start, end, progress, random);
  for (const team of organisation.teams)
    arrivals.push(...teamArrivals(organisation, team, start, end, random));
  return arrivals.sort((left, right) => left.at - right.at);
}
