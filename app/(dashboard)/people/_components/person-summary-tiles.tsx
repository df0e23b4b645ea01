import type { ReactNode } from "react";
import { formatCount, formatHours, NO_VALUE } from "@/lib/client/format";
import type { PersonActivity } from "@/lib/client/people";
import type { MetricId } from "@/lib/shared/metric-definitions";
import { Definition } from "../../_components/definition";

const weeksFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** "4.5 weeks"; null (fewer than two runs of on-call weeks) reads as no value. */
export function formatInterval(weeks: number | null): string {
  return weeks === null ? NO_VALUE : `${weeksFormat.format(weeks)} weeks`;
}

const RISK_LABEL = { high: "High", medium: "Medium", low: "Low" } as const;

const formatWeeks = (weeks: number) => `${formatCount(weeks)} ${weeks === 1 ? "week" : "weeks"}`;

interface TileProps {
  id: string;
  label: string;
  metric?: MetricId;
  value: ReactNode;
  children?: ReactNode;
  /** Spans the row on a phone (tiles with a breakdown under the number). */
  isWide?: boolean;
}

function Tile({ id, label, metric, value, children, isWide = false }: TileProps) {
  return (
    <div className={isWide ? "tile tile-wide" : "tile"}>
      <dt>
        {label} {metric ? <Definition metric={metric} /> : null}
      </dt>
      <dd data-testid={`tile-${id}`}>{value}</dd>
      {children ? <dd className="tile-detail">{children}</dd> : null}
    </div>
  );
}

/**
 * Their row of `fairshift report` for the range, number for number (the server computes it with
 * the report's own code); burnout risk looks at the 28 days ending at the range's end.
 */
export function PersonSummaryTiles({ activity }: { activity: PersonActivity | undefined }) {
  if (!activity) {
    return (
      <section aria-labelledby="person-summary" className="person-section">
        <h2 id="person-summary">Summary</h2>
        <div className="skeleton" style={{ height: 220 }} role="status">
          <span className="visually-hidden">Loading the summary…</span>
        </div>
      </section>
    );
  }
  const { summary } = activity;
  const { onCall, interruptions, toil, burnoutRisk } = summary;
  return (
    <section aria-labelledby="person-summary" className="person-section">
      <h2 id="person-summary">Summary</h2>
      <dl className="tiles person-tiles">
        <Tile
          id="on-call-hours"
          label="On-call hours"
          isWide
          metric="onCallHours"
          value={formatHours(onCall.hours)}
        >
          <span>business {formatHours(onCall.businessHours)}</span>
          <span>off {formatHours(onCall.offHours)}</span>
          <span>sleep {formatHours(onCall.sleepHours)}</span>
          <span>weekend {formatHours(onCall.weekendHours)}</span>
          <span>holiday {formatHours(onCall.holidayHours)}</span>
          <span>level 2+ {formatHours(onCall.level2PlusHours)}</span>
        </Tile>
        <Tile
          id="on-call-weeks"
          label="On-call weeks"
          metric="rotationInterval"
          value={formatCount(onCall.weeks)}
        />
        <Tile
          id="rotation-interval"
          label="Rotation interval"
          metric="rotationInterval"
          value={formatInterval(onCall.meanIntervalWeeks)}
        >
          <span>
            {onCall.meanIntervalWeeks === null
              ? "needs two runs of on-call weeks"
              : "mean gap between the starts of runs"}
          </span>
        </Tile>
        <Tile
          id="streak"
          label="Longest streak"
          metric="streak"
          value={formatWeeks(onCall.longestStreakWeeks)}
        />
        <Tile
          id="interruptions-business"
          label="Interruptions, business hours"
          metric="interruptions"
          value={formatCount(interruptions.business)}
        />
        <Tile
          id="interruptions-off"
          label="Interruptions, off band"
          metric="offHoursInterruptions"
          value={formatCount(interruptions.off)}
        />
        <Tile
          id="interruptions-sleep"
          label="Interruptions, sleep band"
          metric="offHoursInterruptions"
          value={formatCount(interruptions.sleep)}
        />
        <Tile id="wakeups" label="Wake-ups" metric="wakeups" value={formatCount(summary.wakeups)} />
        <Tile
          id="off-hours-callouts"
          label="Off-hours call-outs"
          metric="wakeups"
          value={formatCount(summary.offHoursCallouts)}
        />
        <Tile
          id="rest-breaches"
          label="Rest breaches"
          metric="restBreaches"
          value={formatCount(summary.restBreaches)}
        />
        <Tile
          id="toil-owed"
          label="Time in lieu owed"
          metric="toilOwed"
          value={formatHours(toil.owedHours)}
        >
          <span>accrued in range {formatHours(toil.accruedHours)}</span>
          {toil.pendingClaimHours > 0 ? (
            <span>pending claims {formatHours(toil.pendingClaimHours)}</span>
          ) : null}
        </Tile>
        <Tile
          id="burnout-risk"
          label="Burnout risk"
          isWide
          metric="burnoutRisk"
          value={
            <span className={`risk risk-${burnoutRisk.level}`}>
              {RISK_LABEL[burnoutRisk.level]}
            </span>
          }
        >
          {burnoutRisk.reasons.length > 0 ? (
            <ul className="risk-reasons">
              {burnoutRisk.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <span>no warning signs in the last 28 days</span>
          )}
        </Tile>
      </dl>
    </section>
  );
}
