import { TZDate } from "@date-fns/tz";
import { reportFiltersSchema } from "./report-filters";
import { isKnownTimeZone } from "./time-zone";

/**
 * The dashboard's filters as they live in the URL (`?from=2026-07-01&to=2026-10-01&tz=…&team=…`),
 * so every view can be shared as a link. `from` is inclusive and `to` exclusive, both local dates
 * in `tz`, exactly as the report API and `fairshift report` read them.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  tz: string;
  team?: string;
  service?: string;
  urgency?: "high" | "low";
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const QUARTER = /^(\d{4})-Q([1-4])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Quarter {
  year: number;
  /** 1–4 */
  quarter: number;
}

export const quarterLabel = ({ year, quarter }: Quarter) => `${year}-Q${quarter}`;

export function parseQuarter(label: string): Quarter | null {
  const match = QUARTER.exec(label);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/** The quarter `count` quarters after (negative: before) this one. */
export function addQuarters({ year, quarter }: Quarter, count: number): Quarter {
  const index = year * 4 + (quarter - 1) + count;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

const pad = (value: number) => String(value).padStart(2, "0");

/** First day of the quarter and of the next one, as local dates: the quarter's [from, to). */
export function quarterRange(quarter: Quarter): { from: string; to: string } {
  const next = addQuarters(quarter, 1);
  return {
    from: `${quarter.year}-${pad((quarter.quarter - 1) * 3 + 1)}-01`,
    to: `${next.year}-${pad((next.quarter - 1) * 3 + 1)}-01`,
  };
}

/** The quarter an instant falls in, on the wall calendar of `timeZone`. */
export function quarterOf(instant: Date, timeZone: string): Quarter {
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), quarter: Math.floor(local.getMonth() / 3) + 1 };
}

/** The quarter a range is, when it is exactly one quarter; otherwise null. */
export function quarterOfRange(range: { from: string; to: string }): Quarter | null {
  const match = /^(\d{4})-(\d{2})-01$/.exec(range.from);
  if (!match) return null;
  const month = Number(match[2]);
  if ((month - 1) % 3 !== 0) return null;
  const quarter = { year: Number(match[1]), quarter: (month - 1) / 3 + 1 };
  return quarterRange(quarter).to === range.to ? quarter : null;
}

/**
 * The quarter a review opens on: the last quarter that has ended by `now`, or, when the data stops
 * earlier, the quarter of the last incident — a partial quarter would compare badly with a whole one.
 */
export function defaultQuarter(now: Date, lastIncidentAt: Date | null, timeZone: string): Quarter {
  const lastEnded = addQuarters(quarterOf(now, timeZone), -1);
  if (!lastIncidentAt) return lastEnded;
  const lastData = quarterOf(lastIncidentAt, timeZone);
  const index = (quarter: Quarter) => quarter.year * 4 + quarter.quarter;
  return index(lastData) < index(lastEnded) ? lastData : lastEnded;
}

const single = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The filters a URL asks for, falling back to `defaults` for what is missing or unreadable (a bad
 * date or zone in a shared link shows the default view rather than an error page). `quarter=2026-Q3`
 * is a shorthand for that quarter's from/to.
 */
export function readDashboardFilters(
  params: SearchParamsRecord | URLSearchParams,
  defaults: Pick<DashboardFilters, "from" | "to" | "tz">,
): DashboardFilters {
  const get = (key: string) =>
    params instanceof URLSearchParams
      ? single(params.getAll(key).length > 0 ? params.getAll(key) : undefined)
      : single(params[key]);
  const quarter = parseQuarter(get("quarter") ?? "");
  let from = get("from");
  let to = get("to");
  if (quarter && !from && !to) ({ from, to } = quarterRange(quarter));
  const requestedZone = get("tz");
  const tz = requestedZone && isKnownTimeZone(requestedZone) ? requestedZone : defaults.tz;
  // The API's own rules (real calendar dates, from before to, at most 20 years), so a page never
  // asks the API for something it refuses.
  const datesValid =
    from !== undefined &&
    to !== undefined &&
    DATE.test(from) &&
    DATE.test(to) &&
    reportFiltersSchema.safeParse({ from, to, timeZone: tz }).success;
  const urgency = get("urgency");
  return {
    from: datesValid && from !== undefined ? from : defaults.from,
    to: datesValid && to !== undefined ? to : defaults.to,
    tz,
    ...(get("team") ? { team: get("team") } : {}),
    ...(get("service") ? { service: get("service") } : {}),
    ...(urgency === "high" || urgency === "low" ? { urgency } : {}),
  };
}

/** The filters as a query string in a fixed key order (`from&to&tz&team&service&urgency`). */
export function dashboardQueryString(
  filters: DashboardFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  params.set("from", filters.from);
  params.set("to", filters.to);
  params.set("tz", filters.tz);
  if (filters.team) params.set("team", filters.team);
  if (filters.service) params.set("service", filters.service);
  if (filters.urgency) params.set("urgency", filters.urgency);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOfDayNumber = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The period a view compares against: the previous quarter when the range is a quarter, otherwise
 * the same number of calendar days just before it.
 */
export function previousPeriodFilters(filters: DashboardFilters): DashboardFilters {
  const quarter = quarterOfRange(filters);
  if (quarter) return { ...filters, ...quarterRange(addQuarters(quarter, -1)) };
  const days = dayNumber(filters.to) - dayNumber(filters.from);
  return {
    ...filters,
    from: dateOfDayNumber(dayNumber(filters.from) - days),
    to: filters.from,
  };
}

/**
 * The range the review's monthly trends cover: the `quarters` quarters ending with the selected
 * one (4–8), or the selected range itself when it is not a quarter.
 */
export function trendFilters(filters: DashboardFilters, quarters: number): DashboardFilters {
  const quarter = quarterOfRange(filters);
  if (!quarter) return filters;
  return { ...filters, from: quarterRange(addQuarters(quarter, -(quarters - 1))).from };
}

export const TREND_QUARTERS = [4, 6, 8] as const;

/** The `quarters` URL parameter, 8 unless it is one of the offered lengths. */
export function readTrendQuarters(params: SearchParamsRecord): number {
  const value = Number(single(params.quarters));
  return (TREND_QUARTERS as readonly number[]).includes(value) ? value : 8;
}

/** "2026 Q3" for a quarter, else "2026-03-01 to 2026-03-15" (to exclusive, as in the URL). */
export function periodName(filters: Pick<DashboardFilters, "from" | "to">): string {
  const quarter = quarterOfRange(filters);
  return quarter ? quarterLabel(quarter).replace("-", " ") : `${filters.from} to ${filters.to}`;
}
