"use client";

import { useState } from "react";
import { formatCount, formatPercent } from "@/lib/client/format";
import type { Report } from "@/lib/client/metrics";
import { Definition } from "../../_components/definition";

const SHOWN_AT_FIRST = 8;

function ShowAll({
  total,
  showAll,
  onToggle,
  noun,
}: {
  total: number;
  showAll: boolean;
  onToggle: () => void;
  noun: string;
}) {
  if (total <= SHOWN_AT_FIRST) return null;
  return (
    <button type="button" className="link" aria-expanded={showAll} onClick={onToggle}>
      {showAll ? `Show the first ${SHOWN_AT_FIRST}` : `Show all ${formatCount(total)} ${noun}`}
    </button>
  );
}

/** The team's services, noisiest first (the report's order), with the three noise counts. */
export function NoisiestServices({ services }: { services: Report["services"] }) {
  const [showAll, setShowAll] = useState(false);
  if (services.length === 0) {
    return <p className="hint">No incidents for this team's services in this period.</p>;
  }
  const shown = showAll ? services : services.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <div className="table-scroll">
        <table data-testid="noisiest-services">
          <caption className="visually-hidden">Noisiest services</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="number">
                Incidents <Definition metric="incidents" />
              </th>
              <th scope="col" className="number">
                Auto-resolved, unacknowledged <Definition metric="noise" />
              </th>
              <th scope="col" className="number">
                Never acknowledged
              </th>
              <th scope="col" className="number">
                Off-hours interruptions <Definition metric="offHoursInterruptions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((service) => (
              <tr key={service.pagerdutyId ?? service.name ?? "none"}>
                <th scope="row">{service.name ?? "No service"}</th>
                <td className="number">{formatCount(service.incidents)}</td>
                <td className="number">
                  {formatCount(service.autoResolvedUnacknowledged)}{" "}
                  <span className="hint">({formatPercent(service.autoResolvedShare)})</span>
                </td>
                <td className="number">{formatCount(service.neverAcknowledged)}</td>
                <td className="number">{formatCount(service.offHoursInterruptions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAll
        total={services.length}
        showAll={showAll}
        onToggle={() => setShowAll(!showAll)}
        noun="services"
      />
    </>
  );
}

/**
 * The off-hours alert budget (PRODUCT.md › Noise): how many distinct alert kinds paged out of
 * hours against the allowed count, and which kinds they were, most interruptions first.
 */
export function AlertBudget({ budget }: { budget: Report["offHoursAlertBudget"] }) {
  const [showAll, setShowAll] = useState(false);
  const over = budget.used - budget.allowed;
  const kinds = showAll ? budget.kinds : budget.kinds.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <p className="alert-budget-summary" data-testid="alert-budget">
        <strong>
          {formatCount(budget.used)} of {formatCount(budget.allowed)}
        </strong>{" "}
        alert kinds allowed to page out of hours{" "}
        {budget.overBudget ? (
          <span className="badge badge-rejected">Over budget by {formatCount(over)}</span>
        ) : (
          <span className="badge badge-applied">Within budget</span>
        )}
      </p>
      <meter
        className="alert-budget-meter"
        min={0}
        max={Math.max(budget.allowed, budget.used, 1)}
        low={budget.allowed}
        optimum={0}
        value={budget.used}
        aria-label={`${budget.used} of ${budget.allowed} alert kinds used`}
      />
      {budget.kinds.length === 0 ? (
        <p className="hint">No alert paged anyone out of hours in this period.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table data-testid="alert-kinds">
              <caption>Alert kinds that paged out of hours</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Alert kind</th>
                  <th scope="col" className="number">
                    Off-hours interruptions
                  </th>
                </tr>
              </thead>
              <tbody>
                {kinds.map((kind) => (
                  <tr key={`${kind.serviceId ?? kind.serviceName}|${kind.kind}`}>
                    <td>{kind.serviceName ?? "No service"}</td>
                    <th scope="row" className="alert-kind">
                      {kind.kind}
                    </th>
                    <td className="number">{formatCount(kind.interruptions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ShowAll
            total={budget.kinds.length}
            showAll={showAll}
            onToggle={() => setShowAll(!showAll)}
            noun="alert kinds"
          />
        </>
      )}
    </>
  );
}
