"use client";

import { useMemo } from "react";
import { MetricSettingsForm, type SettingsField } from "./settings-fields";

const WEEKDAYS = [
  { value: 1, label: "Mon" },
  { value: 2, label: "Tue" },
  { value: 3, label: "Wed" },
  { value: 4, label: "Thu" },
  { value: 5, label: "Fri" },
  { value: 6, label: "Sat" },
  { value: 7, label: "Sun" },
] as const;

const hour = { kind: "number", step: 0.5, min: 0, max: 24 } as const;

const FIELDS: readonly SettingsField[] = [
  {
    path: "accountTimeZone",
    label: "Account time zone",
    hint: "For people PagerDuty has no zone for (IANA name, e.g. Europe/Stockholm).",
    kind: "text",
    list: "settings-time-zones",
    placeholder: "UTC",
  },
  {
    path: "hourBands.businessStartHour",
    label: "Business hours start",
    hint: "Hour, 0–24",
    ...hour,
  },
  { path: "hourBands.businessEndHour", label: "Business hours end", hint: "Hour, 0–24", ...hour },
  {
    path: "hourBands.sleepStartHour",
    label: "Sleep starts",
    hint: "Hour; may cross midnight",
    ...hour,
  },
  { path: "hourBands.sleepEndHour", label: "Sleep ends", hint: "Hour", ...hour },
  { path: "hourBands.businessDays", label: "Business days", kind: "choices", options: WEEKDAYS },
];

/** Account zone and hour bands: which band every page and on-call hour falls in. */
export function SettingsBands() {
  // Every zone the browser knows, for the zone field's suggestions.
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  return (
    <MetricSettingsForm
      id="settings-bands"
      title="Time zone and hour bands"
      description="Bands are read in each person's own zone. Business hours on business days; sleep every day; off is everything else. A public holiday counts as a day off. Reports use the new bands at once; time in lieu is derived again."
      fields={FIELDS}
    >
      <datalist id="settings-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </MetricSettingsForm>
  );
}
