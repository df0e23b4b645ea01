import type { Organisation, Team } from "./organisation-types";
import { createRandom, type Random } from "./random";
import { addCalendarDays, calendarDaysBetween, localParts, zonedInstant } from "./zoned-time";

/**
 * On-call shifts as PagerDuty's /oncalls would report them. Handovers are wall-clock times in the
 * schedule's zone, so a week that contains a DST change is 167 or 169 hours long, exactly as in a
 * real PagerDuty schedule.
 */

export interface Shift {
  scheduleId: number;
  teamId: number;
  personId: number;
  level: 1 | 2;
  start: number;
  end: number;
}

/**
 * Weekly rotations hand over on Monday at 09:00 in the schedule's zone; follow-the-sun teams hand
 * over at the start of Monday's day shift instead.
 */
export const WEEKLY_HANDOVER = { weekday: 1, hour: 9 } as const;

type CalendarDate = { year: number; month: number; day: number };

/** Rotation positions count weeks from a fixed Monday, so they do not depend on the data range. */
const EPOCH_MONDAY: CalendarDate = { year: 2020, month: 1, day: 6 };

interface RotationWeek {
  monday: CalendarDate;
  weekNumber: number;
}

/** The rotation weeks (by their local Monday) whose handover-to-handover span overlaps the range. */
function rotationWeeks(zone: string, hour: number, from: number, until: number): RotationWeek[] {
  const local = localParts(from, zone);
  let monday: CalendarDate = addCalendarDays(local, 1 - local.weekday);
  if (zonedInstant(zone, monday.year, monday.month, monday.day, hour) > from) {
    monday = addCalendarDays(monday, -7);
  }
  const weeks: RotationWeek[] = [];
  while (zonedInstant(zone, monday.year, monday.month, monday.day, hour) < until) {
    weeks.push({ monday, weekNumber: calendarDaysBetween(EPOCH_MONDAY, monday) / 7 });
    monday = addCalendarDays(monday, 7);
  }
  return weeks;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[((index % items.length) + items.length) % items.length];
  if (item === undefined) throw new RangeError("Rotation has no members");
  return item;
}

/**
 * Who is on call each week, with the occasional swap between neighbours (holidays, a sick day),
 * so intervals look like a real team's rather than a metronome. People covering a streak never
 * swap: their pattern is the point.
 */
function assignWeeks(
  order: readonly number[],
  weeks: readonly RotationWeek[],
  swapChance: number,
  random: Random,
): number[] {
  if (order.length === 0) return [];
  const counts = new Map<number, number>();
  for (const personId of order) counts.set(personId, (counts.get(personId) ?? 0) + 1);
  const assigned = weeks.map((week) => at(order, week.weekNumber));
  for (let index = 0; index + 1 < assigned.length; index++) {
    const current = assigned[index] as number;
    const next = assigned[index + 1] as number;
    const swappable = current !== next && counts.get(current) === 1 && counts.get(next) === 1;
    if (swappable && random.chance(swapChance)) {
      assigned[index] = next;
      assigned[index + 1] = current;
      index++;
    }
  }
  return assigned;
}

function secondaryFor(
  team: Team,
  weekNumber: number,
  busy: ReadonlySet<number>,
): number | undefined {
  const pool = team.secondaryPool;
  for (let step = 0; step < pool.length; step++) {
    const candidate = at(pool, weekNumber + step);
    if (!busy.has(candidate)) return candidate;
  }
  return undefined;
}

function teamShifts(team: Team, from: number, until: number, random: Random): Shift[] {
  const zone = team.zone;
  const shifts: Shift[] = [];
  // A follow-the-sun team hands its secondary over with the primary pair, at the day shift's start.
  const handoverHour =
    team.spec.rotation.kind === "follow-the-sun"
      ? team.spec.rotation.dayStartHour
      : WEEKLY_HANDOVER.hour;
  const weeks = rotationWeeks(zone, handoverHour, from, until);
  const primaryByWeek = new Map<number, Set<number>>();
  const mark = (weekNumber: number, personId: number) => {
    const busy = primaryByWeek.get(weekNumber) ?? new Set<number>();
    busy.add(personId);
    primaryByWeek.set(weekNumber, busy);
  };
  const push = (level: 1 | 2, personId: number | undefined, start: number, end: number) => {
    if (personId === undefined || end <= from || start >= until) return;
    const scheduleId = level === 1 ? team.primaryScheduleId : team.secondaryScheduleId;
    shifts.push({ scheduleId, teamId: team.id, personId, level, start, end });
  };

  if (team.spec.rotation.kind === "follow-the-sun") {
    const { dayStartHour, swapChance } = team.spec.rotation;
    // The follow-the-sun week starts with Monday's day shift; Sunday night still belongs to it.
    const days = assignWeeks(team.dayOrder, weeks, swapChance, random);
    const nights = assignWeeks(team.nightOrder, weeks, swapChance, random);
    for (const [index, week] of weeks.entries()) {
      const dayPerson = days[index];
      const nightPerson = nights[index];
      if (dayPerson !== undefined) mark(week.weekNumber, dayPerson);
      if (nightPerson !== undefined) mark(week.weekNumber, nightPerson);
      for (let offset = 0; offset < 7; offset++) {
        const date = addCalendarDays(week.monday, offset);
        const next = addCalendarDays(date, 1);
        const dayStart = zonedInstant(zone, date.year, date.month, date.day, dayStartHour);
        const nightStart = zonedInstant(zone, date.year, date.month, date.day, dayStartHour + 12);
        const nightEnd = zonedInstant(zone, next.year, next.month, next.day, dayStartHour);
        push(1, dayPerson, dayStart, nightStart);
        push(1, nightPerson, nightStart, nightEnd);
      }
    }
  } else {
    const primaries = assignWeeks(team.primaryOrder, weeks, team.spec.rotation.swapChance, random);
    for (const [index, week] of weeks.entries()) {
      const personId = primaries[index];
      if (personId === undefined) continue;
      mark(week.weekNumber, personId);
      push(
        1,
        personId,
        handover(zone, week.monday, 0, handoverHour),
        handover(zone, week.monday, 7, handoverHour),
      );
    }
  }

  for (const week of weeks) {
    const busy = primaryByWeek.get(week.weekNumber) ?? new Set<number>();
    const personId = secondaryFor(team, week.weekNumber, busy);
    push(
      2,
      personId,
      handover(zone, week.monday, 0, handoverHour),
      handover(zone, week.monday, 7, handoverHour),
    );
  }
  return shifts;
}

function handover(zone: string, monday: CalendarDate, days: number, hour: number): number {
  const date = addCalendarDays(monday, days);
  return zonedInstant(zone, date.year, date.month, date.day, hour);
}

/**
 * Every shift overlapping [from, until), unclipped (a schedule knows its whole current shift),
 * ordered by team, level, then start.
 */
export function buildShifts(
  organisation: Organisation,
  from: number,
  until: number,
  seed: number,
): Shift[] {
  return organisation.teams.flatMap((team) =>
    teamShifts(team, from, until, createRandom(seed, "rotation", team.id)).sort(
      (left, right) => left.level - right.level || left.start - right.start,
    ),
  );
}

/** Who holds a schedule at an instant, by binary search over its (non-overlapping) shifts. */
export class OnCallLookup {
  private readonly bySchedule = new Map<number, Shift[]>();

  constructor(shifts: readonly Shift[]) {
    for (const shift of shifts) {
      const list = this.bySchedule.get(shift.scheduleId) ?? [];
      list.push(shift);
      this.bySchedule.set(shift.scheduleId, list);
    }
    for (const list of this.bySchedule.values())
      list.sort((left, right) => left.start - right.start);
  }

  personAt(scheduleId: number, instant: number): number | undefined {
    const list = this.bySchedule.get(scheduleId);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const shift = list[middle] as Shift;
      if (instant < shift.start) high = middle - 1;
      else if (instant >= shift.end) low = middle + 1;
      else return shift.personId;
    }
    return undefined;
  }
}
