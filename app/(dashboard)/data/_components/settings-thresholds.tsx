"use client";

import { MetricSettingsForm, type SettingsField } from "./settings-fields";

const CHANNELS = [
  { value: "phone", label: "Phone" },
  { value: "sms", label: "SMS" },
  { value: "push", label: "Push" },
  { value: "email", label: "E-mail" },
  { value: "other", label: "Other" },
] as const;

const number = (step = 1) => ({ kind: "number", step, min: 0 }) as const;

const FIELDS: readonly SettingsField[] = [
  {
    group: "Interruptions and call-outs",
    path: "interruptions.windowSeconds",
    label: "Interruption window",
    hint: "Seconds: pages within it are one interruption",
    ...number(),
  },
  {
    group: "Interruptions and call-outs",
    path: "callOuts.chainWindowMinutes",
    label: "Call-out chain window",
    hint: "Minutes between interruptions of one call-out",
    ...number(),
  },
  {
    group: "Interruptions and call-outs",
    path: "callOuts.maxDurationHours",
    label: "Call-out worked time cap",
    hint: "Hours",
    ...number(0.25),
  },
  {
    group: "Interruptions and call-outs",
    path: "interruptions.channels",
    label: "Channels that interrupt",
    kind: "choices",
    options: CHANNELS,
  },
  {
    group: "On-call",
    path: "onCall.weekMinimumHours",
    label: "On-call week minimum",
    hint: "Hours of level-1 on-call in an ISO week",
    ...number(0.5),
  },
  {
    group: "On-call",
    path: "onCall.healthyIntervalWeeksFrom",
    label: "Healthy interval from",
    hint: "Weeks",
    ...number(0.5),
  },
  {
    group: "On-call",
    path: "onCall.healthyIntervalWeeksTo",
    label: "Healthy interval to",
    hint: "Weeks",
    ...number(0.5),
  },
  {
    group: "On-call",
    path: "onCall.healthyStreakWeeksUpTo",
    label: "Healthy streak up to",
    hint: "Weeks",
    ...number(),
  },
  {
    group: "Rest",
    path: "rest.minimumRestHours",
    label: "Minimum rest",
    hint: "Hours before the next business-hours start",
    ...number(0.5),
  },
  {
    group: "Rest",
    path: "rest.nightRestRegions",
    label: "Night-rest regions",
    hint: "Comma-separated, e.g. SE",
    kind: "list",
  },
  {
    group: "Rest",
    path: "rest.nightRestStartHour",
    label: "Night rest from",
    hint: "Hour",
    ...number(0.5),
  },
  {
    group: "Rest",
    path: "rest.nightRestEndHour",
    label: "Night rest to",
    hint: "Hour",
    ...number(0.5),
  },
  {
    group: "Burnout risk",
    path: "burnout.windowDays",
    label: "Window",
    hint: "Days ending at the period's end",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.highWakeUpsFrom",
    label: "High: wake-ups from",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.highStreakWeeksFrom",
    label: "High: streak from",
    hint: "Weeks",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.highIntervalWeeksBelow",
    label: "High: interval below",
    hint: "Weeks",
    ...number(0.5),
  },
  {
    group: "Burnout risk",
    path: "burnout.highRestBreachesFrom",
    label: "High: rest breaches from",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.mediumWakeUpsFrom",
    label: "Medium: wake-ups from",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.mediumOffHoursInterruptionsFrom",
    label: "Medium: off-hours interruptions from",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.mediumIntervalWeeksBelow",
    label: "Medium: interval below",
    hint: "Weeks",
    ...number(0.5),
  },
  {
    group: "Burnout risk",
    path: "burnout.mediumOwedMinutesAbove",
    label: "Medium: time in lieu owed above",
    hint: "Minutes",
    ...number(),
  },
  {
    group: "Burnout risk",
    path: "burnout.owedOlderThanDays",
    label: "…owed for longer than",
    hint: "Days",
    ...number(),
  },
  {
    group: "Noise",
    path: "noise.autoResolveMinutes",
    label: "Auto-resolved within",
    hint: "Minutes, never acknowledged",
    ...number(0.5),
  },
  {
    group: "Noise",
    path: "noise.offHoursAlertKindsAllowed",
    label: "Off-hours alert budget",
    hint: "Alert kinds allowed per period",
    ...number(),
  },
];

/** Every other threshold of the definitions, compactly. */
export function SettingsThresholds() {
  return (
    <MetricSettingsForm
      id="settings-thresholds"
      title="Other thresholds"
      description="The rest of the definitions' thresholds. Reports use them at once; changing interruptions or call-outs derives time in lieu again."
      fields={FIELDS}
    />
  );
}
