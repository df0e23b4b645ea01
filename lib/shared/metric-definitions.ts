import type { MetricSettings } from "./metric-settings";

/**
 * The one-paragraph definition shown next to each number (PRODUCT.md › Definitions; the long
 * form with worked examples is docs/metrics.md, section named in `section`). Thresholds are read
 * from the settings in force, so a definition states the number an admin set, not the default.
 * Time-in-lieu policies are per team: their definition gives the product default and says so.
 */
const hour = (value: number) =>
  `${String(Math.floor(value)).padStart(2, "0")}:${String(Math.round((value % 1) * 60)).padStart(2, "0")}`;
const DAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const days = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const isRun = first !== undefined && last !== undefined && last - first === sorted.length - 1;
  return isRun && sorted.length > 2
    ? `${DAY_NAMES[first]}–${DAY_NAMES[last]}`
    : sorted.map((day) => DAY_NAMES[day]).join(", ");
};
const bands = (s: MetricSettings) =>
  `business ${days(s.hourBands.businessDays)} ${hour(s.hourBands.businessStartHour)}–${hour(s.hourBands.businessEndHour)}, sleep ${hour(s.hourBands.sleepStartHour)}–${hour(s.hourBands.sleepEndHour)}, off the rest`;

export const METRIC_DEFINITIONS = {
  incidents: {
    label: "Incidents",
    text: () =>
      "Incidents created in the period (read in the chosen time zone), paging tests left out.",
    section: "Periods and time zones",
  },
  mttd: {
    label: "MTTD",
    text: () =>
      "Time to detect: impact start → created, over incidents with a known impact start (coverage n of N). Median, with p90 and mean; percentiles interpolate like PostgreSQL's percentile_cont.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  mtta: {
    label: "MTTA",
    text: () =>
      "Time to acknowledge: created → first acknowledgement, over acknowledged incidents. Tests and incidents resolved by merge are left out.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  mttr: {
    label: "MTTR",
    text: () =>
      "Time to resolve: created → resolved, over resolved incidents. Tests and incidents resolved by merge are left out.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  customerFirstRate: {
    label: "Customer-reported first",
    text: () =>
      "Incidents whose detection source is customer, of all non-test incidents. The first matching rule decides the source: override → test → customer → monitoring → staff → unknown.",
    section: "Detection source and the customer-reported-first rate",
  },
  interruptions: {
    label: "Interruptions",
    text: (s) =>
      `${s.interruptions.channels.join(", ")} pages to one person, grouped within ${s.interruptions.windowSeconds} s of the first; banded at the first page in the person's own zone: ${bands(s)}. Public holidays count as weekend days.`,
    section: "Interruptions, call-outs and wake-ups",
  },
  offHoursInterruptions: {
    label: "Off-hours interruptions",
    text: (s) =>
      `Interruptions in the off or sleep band (outside ${bands(s).split(", sleep")[0]}), in each person's own zone; weekends and public holidays are off or sleep all day.`,
    section: "Interruptions, call-outs and wake-ups",
  },
  wakeups: {
    label: "Wake-ups",
    text: (s) =>
      `Call-outs (interruptions chained while each starts within ${s.callOuts.chainWindowMinutes} min of the previous) that start in the sleep band, ${hour(s.hourBands.sleepStartHour)}–${hour(s.hourBands.sleepEndHour)} in the person's zone.`,
    section: "Interruptions, call-outs and wake-ups",
  },
  toilOwed: {
    label: "Time in lieu owed",
    text: () =>
      "Accrued + adjustments − approved claims − expired, as of the end of the period. Each off-hours call-out accrues max(minimum, worked) × multiplier. The policy is per team (Data › Settings); by default: minimum 1 h off / 2 h sleep, × 1.5 weekends, × 2 holidays, accruals expire after 90 days.",
    section: "Time in lieu",
  },
  onCallHours: {
    label: "On-call hours",
    text: () =>
      "Hours of on-call shifts in the period, overlapping shifts counted once, clipped to the period.",
    section: "On-call hours, weeks and rotation",
  },
  rotationInterval: {
    label: "Rotation interval",
    text: (s) =>
      `Mean gap in weeks between the starts of consecutive runs of on-call weeks (ISO weeks with ≥ ${s.onCall.weekMinimumHours} h of level-1 on-call). Healthy: a run of ≤ ${s.onCall.healthyStreakWeeksUpTo} weeks every ${s.onCall.healthyIntervalWeeksFrom}–${s.onCall.healthyIntervalWeeksTo} weeks.`,
    section: "On-call hours, weeks and rotation",
  },
  streak: {
    label: "Streak",
    text: () => "The longest run of consecutive on-call weeks.",
    section: "On-call hours, weeks and rotation",
  },
  restBreaches: {
    label: "Rest breaches",
    text: (s) =>
      `Call-outs that leave less than ${s.rest.minimumRestHours} h before the next business-hours start${s.rest.nightRestRegions.length > 0 ? `, or (${s.rest.nightRestRegions.join(", ")}) interrupt between ${hour(s.rest.nightRestStartHour)} and ${hour(s.rest.nightRestEndHour)}` : ""}. Shown to plan recovery, never to blame.`,
    section: "Rest breaches",
  },
  burnoutRisk: {
    label: "Burnout risk",
    text: ({ burnout: b }) =>
      `Over the ${b.windowDays} days ending at the period's end. High: ≥ ${b.highWakeUpsFrom} wake-ups, a streak ≥ ${b.highStreakWeeksFrom} weeks, an interval < ${b.highIntervalWeeksBelow} weeks or ≥ ${b.highRestBreachesFrom} rest breaches. Medium: ≥ ${b.mediumWakeUpsFrom} wake-up, ≥ ${b.mediumOffHoursInterruptionsFrom} off-hours interruptions, an interval < ${b.mediumIntervalWeeksBelow} weeks or > ${b.mediumOwedMinutesAbove / 60} h owed older than ${b.owedOlderThanDays} days.`,
    section: "Burnout risk",
  },
  fairness: {
    label: "Fairness (Gini)",
    text: () =>
      "Gini coefficient across the team's rotation members (people with a shift in the period): 0 is perfectly even; with n people the most uneven is (n − 1) ÷ n. Loads 1, 2, 3, 4 give 0.25.",
    section: "Fairness",
  },
  noise: {
    label: "Noise",
    text: (s) =>
      `Per service: incidents auto-resolved within ${s.noise.autoResolveMinutes} min without acknowledgement, incidents never acknowledged, and off-hours interruptions.`,
    section: "Noise and the off-hours alert budget",
  },
  alertBudget: {
    label: "Off-hours alert budget",
    text: (s) =>
      `Distinct alert kinds (service + title pattern) that paged out of hours in the period, against the ${s.noise.offHoursAlertKindsAllowed} allowed.`,
    section: "Noise and the off-hours alert budget",
  },
  pagingTests: {
    label: "Paging tests",
    text: () =>
      "Weekly test pages, left out of every metric and reported here: who was paged, who acknowledged, how fast.",
    section: "Paging tests",
  },
  detectionSource: {
    label: "Detection source",
    text: () =>
      "First matching rule wins: manual override → test (service or title matches the test pattern) → customer (intake service, detection field, title pattern, support e-mail) → monitoring (an integration triggered it) → staff (a person triggered it) → unknown.",
    section: "Detection source and the customer-reported-first rate",
  },
  interruptionHeatmap: {
    label: "Interruption heatmap",
    text: () =>
      "Interruptions (as counted in the people table) by the weekday and hour their first page reached the person, in that person's own time zone — not the zone chosen above — so 03:00 is 03:00 for whoever was woken. Cells are outlined by their usual band; a holiday's interruptions keep their own band in the totals.",
    section: "Interruptions, call-outs and wake-ups",
  },
  rotationMembers: {
    label: "Rotation members",
    text: () =>
      "The team's people with an on-call shift in the period: the people fairness is measured across. A Lorenz curve sorts them from least to most loaded; the further it sags below the diagonal, the less even the load.",
    section: "Fairness",
  },
} as const satisfies Record<
  string,
  { label: string; text: (settings: MetricSettings) => string; section: string }
>;

export type MetricId = keyof typeof METRIC_DEFINITIONS;
