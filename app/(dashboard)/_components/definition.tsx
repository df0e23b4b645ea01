import { METRIC_DEFINITIONS, type MetricId } from "@/lib/shared/metric-definitions";

/**
 * The definition of a number, one click away: a disclosure next to the number (native
 * <details>, so it works with keyboard and screen readers and without JavaScript).
 */
export function Definition({ metric }: { metric: MetricId }) {
  const { label, text, section } = METRIC_DEFINITIONS[metric];
  return (
    <details className="definition">
      <summary aria-label={`How ${label} is defined`} title={`How ${label} is defined`}>
        ?
      </summary>
      <div className="definition-body" role="note">
        <p>{text}</p>
        <p className="hint">docs/metrics.md › {section}</p>
      </div>
    </details>
  );
}
