"use client";

import { useQuery } from "@tanstack/react-query";
import { metricSettingsQueryOptions } from "@/lib/client/settings";
import { METRIC_DEFINITIONS, type MetricId } from "@/lib/shared/metric-definitions";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";

/**
 * The definition of a number, one click away: a disclosure next to the number (native
 * <details>, so it works with keyboard and screen readers). Its thresholds are the settings in
 * force; until they have loaded (one request per page, shared by every definition) the defaults.
 */
export function Definition({ metric }: { metric: MetricId }) {
  const settings = useQuery({ ...metricSettingsQueryOptions(), staleTime: 5 * 60_000 });
  const { label, text, section } = METRIC_DEFINITIONS[metric];
  return (
    <details className="definition">
      <summary aria-label={`How ${label} is defined`} title={`How ${label} is defined`}>
        ?
      </summary>
      <div className="definition-body" role="note">
        <p>{text(settings.data?.settings ?? DEFAULT_METRIC_SETTINGS)}</p>
        <p className="hint">docs/metrics.md › {section}</p>
      </div>
    </details>
  );
}
