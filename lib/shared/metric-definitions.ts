/**
 * The one-paragraph definition shown next to each number (PRODUCT.md › Definitions; the long
 * form with worked examples is docs/metrics.md, section named in `section`). Thresholds are the
 * defaults; the Data page's settings change them.
 */
export const METRIC_DEFINITIONS = {
  incidents: {
    label: "Incidents",
    text: "Incidents created in the period (read in the chosen time zone), paging tests left out.",
    section: "Periods and time zones",
  },
  mttd: {
    label: "MTTD",
    text: "Time to detect: impact start → created, over incidents with a known impact start (coverage n of N). Median, with p90 and mean; percentiles interpolate like PostgreSQL's percentile_cont.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  mtta: {
    label: "MTTA",
    text: "Time to acknowledge: created → first acknowledgement, over acknowledged incidents. Tests and incidents resolved by merge are left out.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  mttr: {
    label: "MTTR",
    text: "Time to resolve: created → resolved, over resolved incidents. Tests and incidents resolved by merge are left out.",
    section: "Incident clock: MTTD, MTTA, MTTR",
  },
  customerFirstRate: {
    label: "Customer-reported first",
    text: "Incidents whose detection source is customer, of all non-test incidents. The first matching rule decides the source: override → test → customer → monitoring → staff → unknown.",
    section: "Detection source and the customer-reported-first rate",
  },
  interruptions: {
    label: "Interruptions",
    text: "Phone, SMS or push pages to one person, grouped within 60 s of the first; banded at the first page in the person's own zone: business Mon–Fri 08–18, sleep 22–08, off the rest. Public holidays count as weekend days.",
    section: "Interruptions, call-outs and wake-ups",
  },
  offHoursInterruptions: {
    label: "Off-hours interruptions",
    text: "Interruptions in the off or sleep band (weekday 18–08, weekends and holidays) in each person's own zone.",
    section: "Interruptions, call-outs and wake-ups",
  },
  wakeups: {
    label: "Wake-ups",
    text: "Call-outs (interruptions chained while each starts within 60 min of the previous) that start in the sleep band, 22:00–08:00 in the person's zone.",
    section: "Interruptions, call-outs and wake-ups",
  },
  toilOwed: {
    label: "Time in lieu owed",
    text: "Accrued + adjustments − approved claims − expired, as of the end of the period. Each off-hours call-out accrues max(minimum, worked) × multiplier: minimum 1 h off / 2 h sleep, × 1.5 weekends, × 2 holidays; accruals expire after 90 days.",
    section: "Time in lieu",
  },
  onCallHours: {
    label: "On-call hours",
    text: "Hours of on-call shifts in the period, overlapping shifts counted once, clipped to the period.",
    section: "On-call hours, weeks and rotation",
  },
  rotationInterval: {
    label: "Rotation interval",
    text: "Mean gap in weeks between the starts of consecutive runs of on-call weeks (ISO weeks with ≥ 24 h of level-1 on-call). Healthy: a run of ≤ 2 weeks every 4–7 weeks.",
    section: "On-call hours, weeks and rotation",
  },
  streak: {
    label: "Streak",
    text: "The longest run of consecutive on-call weeks.",
    section: "On-call hours, weeks and rotation",
  },
  restBreaches: {
    label: "Rest breaches",
    text: "Call-outs that leave less than 11 h before the next business-hours start, or (Sweden) interrupt between 00:00 and 05:00. Shown to plan recovery, never to blame.",
    section: "Rest breaches",
  },
  burnoutRisk: {
    label: "Burnout risk",
    text: "Over the 28 days ending at the period's end. High: ≥ 3 wake-ups, a streak ≥ 3 weeks, an interval < 3 weeks or ≥ 2 rest breaches. Medium: ≥ 1 wake-up, ≥ 6 off-hours interruptions, an interval < 4 weeks or > 16 h owed older than 30 days.",
    section: "Burnout risk",
  },
  fairness: {
    label: "Fairness (Gini)",
    text: "Gini coefficient across the team's rotation members (people with a shift in the period): 0 is perfectly even; with n people the most uneven is (n − 1) ÷ n. Loads 1, 2, 3, 4 give 0.25.",
    section: "Fairness",
  },
  noise: {
    label: "Noise",
    text: "Per service: incidents auto-resolved within 5 min without acknowledgement, incidents never acknowledged, and off-hours interruptions.",
    section: "Noise and the off-hours alert budget",
  },
  alertBudget: {
    label: "Off-hours alert budget",
    text: "Distinct alert kinds (service + title pattern) that paged out of hours in the period, against the allowed count.",
    section: "Noise and the off-hours alert budget",
  },
  pagingTests: {
    label: "Paging tests",
    text: "Weekly test pages, left out of every metric and reported here: who was paged, who acknowledged, how fast.",
    section: "Paging tests",
  },
  detectionSource: {
    label: "Detection source",
    text: "First matching rule wins: manual override → test (service or title matches the test pattern) → customer (intake service, detection field, title pattern, support e-mail) → monitoring (an integration triggered it) → staff (a person triggered it) → unknown.",
    section: "Detection source and the customer-reported-first rate",
  },
  interruptionHeatmap: {
    label: "Interruption heatmap",
    text: "Interruptions (as counted in the people table) by the weekday and hour their first page reached the person, in that person's own time zone — not the zone chosen above — so 03:00 is 03:00 for whoever was woken. Cells are outlined by their usual band; a holiday's interruptions keep their own band in the totals.",
    section: "Interruptions, call-outs and wake-ups",
  },
  rotationMembers: {
    label: "Rotation members",
    text: "The team's people with an on-call shift in the period: the people fairness is measured across. A Lorenz curve sorts them from least to most loaded; the further it sags below the diagonal, the less even the load.",
    section: "Fairness",
  },
} as const satisfies Record<string, { label: string; text: string; section: string }>;

export type MetricId = keyof typeof METRIC_DEFINITIONS;
