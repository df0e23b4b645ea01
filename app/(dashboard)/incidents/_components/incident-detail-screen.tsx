"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import {
  type IncidentDetail,
  incidentDetailQueryOptions,
  updateIncident,
} from "@/lib/client/incidents";
import type { UpdateIncidentRequest } from "@/lib/shared/incident-requests";
import { Definition } from "../../_components/definition";
import { SourceBadge, StatusBadge } from "./incident-badges";
import { IncidentClockPanel } from "./incident-clock-panel";
import { IncidentOverridesForm } from "./incident-overrides-form";
import { IncidentTimeline } from "./incident-timeline";
import { SOURCE_LABELS } from "./incident-words";

interface IncidentDetailScreenProps {
  id: number;
  /** The zone times are shown and entered in. */
  tz: string;
  listHref: string;
}

/** One incident: who noticed it, its clock, its timeline, and the two corrections a person can make. */
export function IncidentDetailScreen({ id, tz, listHref }: IncidentDetailScreenProps) {
  const queryClient = useQueryClient();
  const incident = useQuery(incidentDetailQueryOptions(id));
  const save = useMutation({
    mutationFn: (request: UpdateIncidentRequest) => updateIncident(id, request),
    onSuccess: async (detail) => {
      queryClient.setQueryData(incidentDetailQueryOptions(id).queryKey, detail);
      // Detection and MTTD feed every metric and the list's badges.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["metrics"] }),
        queryClient.invalidateQueries({ queryKey: ["report"] }),
        queryClient.invalidateQueries({ queryKey: ["incidents", "list"] }),
      ]);
    },
  });

  if (!incident.data) {
    return incident.isError ? (
      <div role="alert" className="error">
        <p>The incident could not be loaded: {incident.error.message}</p>
        <button type="button" onClick={() => incident.refetch()}>
          Try again
        </button>
      </div>
    ) : (
      <p aria-busy="true">Loading the incident…</p>
    );
  }
  const detail = incident.data;

  return (
    <>
      <Link href={listHref} className="incident-back">
        ← Incidents
      </Link>
      <div className="page-heading incident-heading">
        <h1>
          {detail.number !== null ? `#${detail.number} ` : ""}
          {detail.title}
        </h1>
      </div>
      {detail.isPlaceholder ? (
        <p className="hint">
          Known only from log entries so far: the incident record itself has not been imported.
        </p>
      ) : null}
      <IncidentFacts detail={detail} />
      <div className="incident-columns">
        <IncidentClockPanel clock={detail.clock} tz={tz} />
        <div>
          <section className="panel incident-detection" aria-labelledby="detection-heading">
            <h2 id="detection-heading">
              Detection source <Definition metric="detectionSource" />
            </h2>
            <p>
              <SourceBadge source={detail.detection.source} />{" "}
              <span data-testid="detection-rule">Rule: {detail.detection.rule}</span>
            </p>
            <p className="hint" data-testid="detection-override">
              {detail.detection.override
                ? `Overridden to ${SOURCE_LABELS[detail.detection.override]} by a person; clear the override below to let the rules decide.`
                : "No override: the first matching rule decides (override → test → customer → monitoring → staff → unknown)."}
            </p>
          </section>
          <IncidentOverridesForm
            // Remounted after each save so the fields show what is now stored.
            key={`${detail.clock.startedAt}|${detail.detection.override}`}
            detail={detail}
            tz={tz}
            isSaving={save.isPending}
            onSave={(request) => save.mutate(request)}
          />
          {save.isError ? (
            <p role="alert" className="error">
              Not saved: {save.error.message}
            </p>
          ) : null}
          {save.isSuccess ? (
            <p role="status" className="incident-saved">
              Saved. The detection source and the metrics now use it.
            </p>
          ) : null}
        </div>
      </div>
      <IncidentTimeline timeline={detail.timeline} truncated={detail.timelineTruncated} tz={tz} />
    </>
  );
}

function IncidentFacts({ detail }: { detail: IncidentDetail }) {
  return (
    <dl className="incident-facts" aria-label="About this incident">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
      </div>
      <div>
        <dt>Service</dt>
        <dd>{detail.service?.name ?? "—"}</dd>
      </div>
      <div>
        <dt>Teams</dt>
        <dd>{detail.teams.length > 0 ? detail.teams.join(", ") : "—"}</dd>
      </div>
      <div>
        <dt>Urgency</dt>
        <dd>{detail.urgency === "high" ? "High" : "Low"}</dd>
      </div>
      <div>
        <dt>Priority</dt>
        <dd>{detail.priority ?? "—"}</dd>
      </div>
      <div>
        <dt>PagerDuty</dt>
        <dd>
          {detail.htmlUrl ? (
            <a href={detail.htmlUrl} target="_blank" rel="noreferrer">
              {detail.pagerdutyId} (opens PagerDuty)
            </a>
          ) : (
            <code>{detail.pagerdutyId}</code>
          )}
        </dd>
      </div>
    </dl>
  );
}
