/**
 * How the dashboard writes numbers, shared by tiles, tables and charts so a number reads the same
 * everywhere (and matches what the e2e specs compute from the report API).
 */

const integer = new Intl.NumberFormat("en");
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

export const NO_VALUE = "—";

export const formatCount = (value: number) => integer.format(value);

/** Hours to one decimal: "12.5 h". */
export const formatHours = (hours: number | null) =>
  hours === null ? NO_VALUE : `${oneDecimal.format(hours)} h`;

const upToTwoDecimals = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/**
 * Time-in-lieu hours to 0.01 h, as the report and the ledger keep them, so a ledger's lines add up
 * on screen (three accruals of 0.38 h make 1.13 h, not 0.4 × 3 = 1.1 h).
 */
export const formatTimeInLieuHours = (hours: number | null) =>
  hours === null ? NO_VALUE : `${upToTwoDecimals.format(Math.round(hours * 100) / 100)} h`;

export const formatPercent = (fraction: number | null) =>
  fraction === null ? NO_VALUE : percent.format(fraction);

/** A Gini coefficient: 0.00 (even) to 1.00. */
export const formatGini = (value: number | null) =>
  value === null ? NO_VALUE : twoDecimals.format(value);

/**
 * A duration in the two largest units that matter: "42 s", "4 min 12 s", "3 h 05 min", "2 d 4 h".
 * Seconds are rounded to whole seconds first.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return NO_VALUE;
  const total = Math.round(seconds);
  const sign = total < 0 ? "−" : "";
  const value = Math.abs(total);
  const days = Math.floor(value / 86_400);
  const hours = Math.floor((value % 86_400) / 3_600);
  const minutes = Math.floor((value % 3_600) / 60);
  const rest = value % 60;
  if (days > 0) return `${sign}${days} d ${hours} h`;
  if (hours > 0) return `${sign}${hours} h ${String(minutes).padStart(2, "0")} min`;
  if (minutes > 0) return `${sign}${minutes} min ${rest} s`;
  return `${sign}${rest} s`;
}

/**
 * The change from `previous` to `current` as a signed relative percentage ("+12.5 %"), or null
 * when there is nothing to compare against.
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

export function formatChange(change: number | null): string {
  if (change === null) return NO_VALUE;
  const rounded = Math.round(change * 1000) / 10;
  if (rounded === 0) return "±0 %";
  return `${rounded > 0 ? "+" : "−"}${oneDecimal.format(Math.abs(rounded))} %`;
}

/** A date-time as the viewer's chosen zone reads it: "7 Apr 2025, 03:47". */
export function formatDateTime(iso: string | Date | null, timeZone: string): string {
  if (iso === null) return NO_VALUE;
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(typeof iso === "string" ? new Date(iso) : iso);
}

export function formatDate(iso: string | Date | null, timeZone: string): string {
  if (iso === null) return NO_VALUE;
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}
