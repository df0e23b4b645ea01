"use client";

import { MetricSettingsForm, type SettingsField } from "./settings-fields";

const FIELDS: readonly SettingsField[] = [
  {
    path: "detection.testPattern",
    label: "Test pattern",
    hint: "Regular expression, case-insensitive, on service name or title: a paging test.",
    kind: "text",
  },
  {
    path: "detection.customerServicePattern",
    label: "Customer service pattern",
    hint: "Services whose name matches are customer intake.",
    kind: "text",
  },
  {
    path: "detection.customerTitlePattern",
    label: "Customer title pattern",
    hint: "Incident titles that mean a customer reported it. Blank: no title rule.",
    kind: "optional-text",
    placeholder: "e.g. customer reports|ticket #",
  },
  {
    path: "detection.supportEmailDomains",
    label: "Support e-mail domains",
    hint: "Comma-separated; e-mail-triggered incidents from these are customer-reported.",
    kind: "list",
    placeholder: "support.example.com",
  },
];

/** The detection rules: saving re-labels every incident (manual overrides stay). */
export function SettingsDetection() {
  return (
    <MetricSettingsForm
      id="settings-detection"
      title="Detection rules"
      description="First matching rule wins: manual override → test → customer → monitoring → staff → unknown. Saving re-labels every incident."
      fields={FIELDS}
    />
  );
}
