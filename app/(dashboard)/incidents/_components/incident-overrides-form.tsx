"use client";

import { type FormEvent, useId, useState } from "react";
import { formatDateTime } from "@/lib/client/format";
import type { IncidentDetail } from "@/lib/client/incidents";
import {
  DETECTION_SOURCES,
  type DetectionSource,
  type UpdateIncidentRequest,
} from "@/lib/shared/incident-requests";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { SOURCE_LABELS, toLocalInputValue } from "./incident-words";

interface IncidentOverridesFormProps {
  detail: IncidentDetail;
  tz: string;
  isSaving: boolean;
  onSave: (request: UpdateIncidentRequest) => void;
}

/**
 * The impact start (entered on the viewer's wall clock in `tz`) and the detection override.
 * Only what the person changed is sent, so a stored start with seconds, or one at an hour that
 * a DST change repeats, is never rewritten by saving the override alone.
 */
export function IncidentOverridesForm({
  detail,
  tz,
  isSaving,
  onSave,
}: IncidentOverridesFormProps) {
  const id = useId();
  const storedStart = toLocalInputValue(detail.clock.startedAt, tz);
  const [start, setStart] = useState(storedStart);
  const [override, setOverride] = useState<DetectionSource | "">(detail.detection.override ?? "");
  const [problem, setProblem] = useState<string | null>(null);

  const startChanged = start !== storedStart;
  const overrideChanged = override !== (detail.detection.override ?? "");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request: UpdateIncidentRequest = {};
    if (startChanged) {
      if (start === "") request.startedAt = null;
      else {
        const instant = parseLocalDateTime(start, tz);
        if (!instant) {
          setProblem(`"${start}" is not a date and time; pick one, or clear the impact start.`);
          return;
        }
        if (instant.getTime() > new Date(detail.clock.createdAt).getTime()) {
          setProblem(
            `The impact start must be before the incident was created (${formatDateTime(detail.clock.createdAt, tz)} ${tz}).`,
          );
          return;
        }
        request.startedAt = instant.toISOString();
      }
    }
    if (overrideChanged) request.detectionOverride = override === "" ? null : override;
    setProblem(null);
    onSave(request);
  };

  return (
    <form className="panel incident-form" aria-labelledby={`${id}-heading`} onSubmit={submit}>
      <h2 id={`${id}-heading`}>Correct this incident</h2>
      <div className="incident-start">
        <label htmlFor={`${id}-start`}>Impact start ({tz})</label>
        <span className="incident-start-row">
          <input
            id={`${id}-start`}
            type="datetime-local"
            step={1}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            aria-describedby={`${id}-start-hint`}
          />
          {start !== "" ? (
            <button type="button" onClick={() => setStart("")}>
              Clear impact start
            </button>
          ) : null}
        </span>
      </div>
      <p id={`${id}-start-hint`} className="hint">
        When customers were first affected, before PagerDuty created the incident (
        {formatDateTime(detail.clock.createdAt, tz)}). It makes the incident count for MTTD. An
        entry here wins over later imports; once cleared, an imported value applies again.
      </p>
      <label>
        Detection override
        <select
          value={override}
          onChange={(event) => setOverride(event.target.value as DetectionSource | "")}
        >
          <option value="">No override (the rules decide)</option>
          {DETECTION_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
      </label>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <div className="incident-form-actions">
        <button type="submit" disabled={isSaving || (!startChanged && !overrideChanged)}>
          {isSaving ? "Saving…" : "Save"}
        </button>
        {!startChanged && !overrideChanged ? (
          <span className="hint">Nothing changed yet.</span>
        ) : null}
      </div>
    </form>
  );
}
