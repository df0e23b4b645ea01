"use client";

import { useId, useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount, formatGini, formatHours, formatPercent } from "@/lib/client/format";
import type { Report } from "@/lib/client/metrics";
import type { ChartQueryState } from "../../_components/chart-card";
import { ChartCard } from "../../_components/chart-card";
import { Definition } from "../../_components/definition";

type TeamRow = Report["teams"][number];
type Member = TeamRow["members"][number];
type LorenzPoint = TeamRow["lorenz"]["onCallHours"][number];
export type Load = "onCallHours" | "interruptions" | "weekendHolidayHours";

export const LOADS: Record<
  Load,
  {
    label: string;
    gini: keyof TeamRow["fairness"];
    value: (member: Member) => number;
    format: (value: number) => string;
  }
> = {
  onCallHours: {
    label: "On-call hours",
    gini: "onCallHoursGini",
    value: (member) => member.onCallHours,
    format: formatHours,
  },
  interruptions: {
    label: "Off-hours interruptions",
    gini: "interruptionsGini",
    value: (member) => member.offHoursInterruptions,
    format: formatCount,
  },
  weekendHolidayHours: {
    label: "Weekend + holiday hours",
    gini: "weekendHolidayHoursGini",
    value: (member) => member.weekendHolidayHours,
    format: formatHours,
  },
};

const LOAD_KEYS = Object.keys(LOADS) as Load[];
const CHART_HEIGHT = 280;
const percentOf = (share: number) => Math.round(share * 1000) / 10;

/** A Lorenz curve against the line of equality, both in percent. */
function LorenzChart({ points, label }: { points: LorenzPoint[]; label: string }) {
  // The diagonal is drawn through the curve's own x values: it is straight, so that is exact.
  const data = points.map((point) => ({
    people: percentOf(point.populationShare),
    load: percentOf(point.valueShare),
    equality: percentOf(point.populationShare),
  }));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="people"
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          unit="%"
          tick={{ fontSize: 12 }}
          label={{
            value: "Share of rotation members, least loaded first",
            position: "insideBottom",
            offset: -10,
            fontSize: 12,
          }}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          unit="%"
          tick={{ fontSize: 12 }}
          width={48}
        />
        <Tooltip
          formatter={(value) => `${value} %`}
          labelFormatter={(value) => `${value} % of people`}
        />
        <Legend verticalAlign="top" height={28} />
        <Line
          dataKey="equality"
          name="Equal share"
          stroke="#8c959f"
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="load"
          name={`Share of ${label.toLowerCase()}`}
          stroke="#1f5fa8"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

function LorenzTable({ points, label }: { points: LorenzPoint[]; label: string }) {
  return (
    <table>
      <caption>Lorenz curve of {label.toLowerCase()}</caption>
      <thead>
        <tr>
          <th scope="col" className="number">
            Share of people (least loaded first)
          </th>
          <th scope="col" className="number">
            Cumulative share of {label.toLowerCase()}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.populationShare}>
            <td className="number">{formatPercent(point.populationShare)}</td>
            <td className="number">{formatPercent(point.valueShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each member's load and share of the team's total, for the three fairness measures. */
function MemberShares({ members }: { members: Member[] }) {
  const totals = Object.fromEntries(
    LOAD_KEYS.map((load) => [
      load,
      members.reduce((sum, member) => sum + LOADS[load].value(member), 0),
    ]),
  ) as Record<Load, number>;
  const sorted = [...members].sort(
    (a, b) => b.onCallHours - a.onCallHours || a.name.localeCompare(b.name),
  );
  return (
    <div className="table-scroll">
      <table data-testid="member-shares" className="member-shares">
        <caption>Each rotation member's load (share of the team's)</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {LOAD_KEYS.map((load) => (
              <th scope="col" className="number" key={load}>
                {LOADS[load].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((member) => (
            <tr key={member.email ?? member.name}>
              <th scope="row">{member.name}</th>
              {LOAD_KEYS.map((load) => {
                const value = LOADS[load].value(member);
                const total = totals[load];
                return (
                  <td className="number" key={load}>
                    {LOADS[load].format(value)}
                    <span className="hint">
                      ({formatPercent(total > 0 ? value / total : null)})
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Fairness across the team's rotation members (PRODUCT.md › Fairness): the three Gini values,
 * the Lorenz curve of the chosen load and each member's share.
 */
export function FairnessPanel({
  team,
  query,
}: {
  team: TeamRow | undefined;
  query: ChartQueryState;
}) {
  const [load, setLoad] = useState<Load>("onCallHours");
  const selectId = useId();
  const members = team?.members ?? [];
  const points = team?.lorenz[load] ?? [];
  const { label } = LOADS[load];
  return (
    <section className="team-fairness" aria-labelledby={`${selectId}-heading`}>
      <div className="page-heading">
        <h2 id={`${selectId}-heading`}>Fairness</h2>
        <Definition metric="fairness" />
      </div>
      <div className="hint" data-testid="rotation-members">
        {query.isPending
          ? "Loading the rotation…"
          : `Across ${formatCount(members.length)} rotation ${members.length === 1 ? "member" : "members"} (the team's people with an on-call shift in this period). 0.00 is an even load.`}
        <Definition metric="rotationMembers" />
      </div>
      <dl className="tiles" aria-label="Gini coefficients" aria-busy={query.isPending}>
        {LOAD_KEYS.map((key) => (
          <div className="tile" key={key}>
            <dt>{LOADS[key].label} Gini</dt>
            <dd data-testid={`gini-${key}`}>
              {query.isPending ? (
                <span className="skeleton tile-skeleton" />
              ) : (
                formatGini(team?.fairness[LOADS[key].gini] ?? null)
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="chart-grid">
        <ChartCard
          title={`Lorenz curve: ${label.toLowerCase()}`}
          metric="fairness"
          description="The further the curve sags below the dashed line of equal shares, the more of the load sits with a few people."
          query={query}
          isEmpty={points.length === 0}
          emptyMessage="Nobody in this team had an on-call shift in this period."
          height={CHART_HEIGHT}
          actions={
            <label className="inline-select" htmlFor={selectId}>
              Load
              <select
                id={selectId}
                value={load}
                onChange={(event) => setLoad(event.target.value as Load)}
              >
                {LOAD_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {LOADS[key].label}
                  </option>
                ))}
              </select>
            </label>
          }
          renderChart={() => <LorenzChart points={points} label={label} />}
          renderTable={() => <LorenzTable points={points} label={label} />}
        />
        <div className="chart-card">
          {query.isPending ? (
            <div className="skeleton" style={{ height: CHART_HEIGHT }} role="status">
              <span className="visually-hidden">Loading each member's share…</span>
            </div>
          ) : query.isError ? (
            <p className="hint">
              The shares could not be loaded: see the Lorenz curve for the error.
            </p>
          ) : members.length === 0 ? (
            <p className="hint">Nobody in this team had an on-call shift in this period.</p>
          ) : (
            <MemberShares members={members} />
          )}
        </div>
      </div>
    </section>
  );
}
