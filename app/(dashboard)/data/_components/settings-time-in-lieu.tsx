"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { formatDate } from "@/lib/client/format";
import {
  describeRederivation,
  messagesByField,
  SETTINGS_KEY,
  saveTimeInLieuPolicy,
  type TimeInLieuPoliciesResponse,
  timeInLieuPoliciesQueryOptions,
} from "@/lib/client/settings";
import type { TimeInLieuPolicy } from "@/lib/metrics/time-in-lieu";
import { choosePolicy } from "@/lib/metrics/time-in-lieu-policies";
import { SettingsActions } from "./settings-fields";

type PolicyField = keyof TimeInLieuPolicy;

const FIELDS: readonly { key: PolicyField; label: string; hint: string }[] = [
  { key: "minimumOffMinutes", label: "Minimum, off band", hint: "Minutes (60 = 1 h)" },
  { key: "minimumSleepMinutes", label: "Minimum, sleep band (woken)", hint: "Minutes" },
  { key: "roundUpToMinutes", label: "Round worked time up to", hint: "Minutes; 0 = no rounding" },
  { key: "capMinutes", label: "Cap on worked time", hint: "Minutes (720 = 12 h)" },
  { key: "weekendMultiplierPercent", label: "Weekend multiplier", hint: "% (150 = ×1.5)" },
  { key: "holidayMultiplierPercent", label: "Public holiday multiplier", hint: "% (200 = ×2)" },
  { key: "expiryDays", label: "Expires after", hint: "Days" },
];

type Draft = Record<PolicyField | "effectiveFrom", string>;

const DEFAULT_TEAM = "default";

/** Today as the account zone reads it: "2026-07-01". */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** The version in force today for the team (else the organisation default, else the product's). */
function policyInForce(data: TimeInLieuPoliciesResponse, team: string): TimeInLieuPolicy {
  const dated = data.policies.map((policy) => ({
    ...policy,
    effectiveFrom: new Date(policy.effectiveFrom),
  }));
  return choosePolicy(dated, team === DEFAULT_TEAM ? null : Number(team), new Date());
}

function draftOf(policy: TimeInLieuPolicy, effectiveFrom: string): Draft {
  const draft = { effectiveFrom } as Draft;
  for (const { key } of FIELDS) draft[key] = String(policy[key]);
  return draft;
}

/**
 * Time-in-lieu policy per team (and the organisation default for teams without one), versioned by
 * the date it takes effect: saving adds a version (or corrects the one of the same date) and
 * derives the accruals from that date on again, so reports' time in lieu follows at once.
 */
export function SettingsTimeInLieu() {
  const queryClient = useQueryClient();
  const formId = useId();
  const policies = useQuery(timeInLieuPoliciesQueryOptions());
  const [team, setTeam] = useState(DEFAULT_TEAM);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveTimeInLieuPolicy,
    onSuccess: () => {
      setNote(null);
      return queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });

  const headingId = "settings-time-in-lieu-heading";
  const data = policies.data;
  if (!data) {
    return (
      <section
        className="panel settings-section"
        aria-labelledby={headingId}
        aria-busy={policies.isPending}
      >
        <h3 id={headingId}>Time in lieu</h3>
        {policies.isError ? (
          <p role="alert" className="error">
            Policies could not be loaded: {policies.error.message}{" "}
            <button type="button" onClick={() => policies.refetch()}>
              Retry
            </button>
          </p>
        ) : (
          <p>Loading policies…</p>
        )}
      </section>
    );
  }

  const zone = data.accountTimeZone;
  const values = draft ?? draftOf(policyInForce(data, team), todayIn(zone));
  const errors = save.isError ? messagesByField(save.error.message) : new Map<string, string>();
  const teamName = (teamId: number | null) =>
    teamId === null
      ? "Organisation default"
      : (data.teams.find((candidate) => candidate.id === teamId)?.name ?? `Team ${teamId}`);
  const now = Date.now();
  // The version in force now, per team: the latest one that has taken effect.
  const inForce = new Map<number | null, string>();
  for (const policy of data.policies) {
    if (Date.parse(policy.effectiveFrom) <= now) inForce.set(policy.teamId, policy.effectiveFrom);
  }
  const history = [...data.policies].reverse();

  function chooseTeam(next: string) {
    if (!data) return;
    setTeam(next);
    setDraft(draftOf(policyInForce(data, next), values.effectiveFrom));
    setNote(null);
    save.reset();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = (text: string) => (text.trim() === "" ? null : Number(text));
    save.mutate({
      teamId: team === DEFAULT_TEAM ? null : Number(team),
      effectiveFrom: values.effectiveFrom,
      ...(Object.fromEntries(FIELDS.map(({ key }) => [key, number(values[key])])) as Record<
        PolicyField,
        number
      >),
    });
  }
  function reset() {
    if (!data) return;
    setDraft(draftOf(data.defaults, values.effectiveFrom));
    save.reset();
    setNote("Product defaults filled in: Save to add them as a new version.");
  }
  const fieldError = (key: string) => errors.get(key);
  const results = save.isSuccess
    ? [
        `Saved ${teamName(save.data.policy.teamId)} from ${formatDate(save.data.policy.effectiveFrom, zone)}${save.data.replaced ? " (replaced the version of that date)" : " as a new version"}.`,
        describeRederivation(save.data.timeInLieuRederived),
      ]
    : note
      ? [note]
      : null;

  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Time in lieu</h3>
      <p className="hint">
        Each off-hours call-out accrues max(minimum, worked time) × multiplier. A team without its
        own policy gets the organisation default. A version applies to call-outs from its date
        (midnight, {zone}) on; earlier ones keep the version they were earned under.
      </p>
      <form className="settings-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
        <div className="settings-grid">
          <div className="settings-field">
            <label htmlFor={`${formId}-team`}>Team</label>
            <select
              id={`${formId}-team`}
              value={team}
              onChange={(event) => chooseTeam(event.target.value)}
              disabled={save.isPending}
            >
              <option value={DEFAULT_TEAM}>Organisation default</option>
              {data.teams.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          {[
            { key: "effectiveFrom", label: "Effective from", hint: `Date, in ${zone}` },
            ...FIELDS,
          ].map(({ key, label, hint }) => {
            const error = fieldError(key);
            const describedBy = `${formId}-${key}-hint${error ? ` ${formId}-${key}-error` : ""}`;
            return (
              <div key={key} className="settings-field">
                <label htmlFor={`${formId}-${key}`}>{label}</label>
                <input
                  id={`${formId}-${key}`}
                  type={key === "effectiveFrom" ? "date" : "number"}
                  step={key === "effectiveFrom" ? undefined : 1}
                  min={key === "effectiveFrom" ? undefined : 0}
                  value={values[key as keyof Draft]}
                  disabled={save.isPending}
                  aria-invalid={Boolean(error)}
                  aria-describedby={describedBy}
                  onChange={(event) => {
                    setDraft({ ...values, [key]: event.target.value });
                    setNote(null);
                  }}
                />
                <span id={`${formId}-${key}-hint`} className="hint">
                  {hint}
                </span>
                {error && (
                  <span id={`${formId}-${key}-error`} className="error field-error">
                    {error}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <SettingsActions
          isBusy={save.isPending}
          saveLabel="Save policy version"
          onReset={reset}
          error={save.isError ? `Not saved: ${save.error.message}` : null}
          results={results}
        />
      </form>

      <div className="table-scroll">
        <table className="policy-history">
          <caption>Policy history, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Effective from</th>
              <th scope="col" className="number">
                Min. off
              </th>
              <th scope="col" className="number">
                Min. sleep
              </th>
              <th scope="col" className="number">
                Round up
              </th>
              <th scope="col" className="number">
                Cap
              </th>
              <th scope="col" className="number">
                Weekend
              </th>
              <th scope="col" className="number">
                Holiday
              </th>
              <th scope="col" className="number">
                Expiry
              </th>
            </tr>
          </thead>
          <tbody>
            {history.length === 0 && (
              <tr>
                <td colSpan={9}>
                  No policies saved: every team gets the product defaults (1 h off / 2 h sleep
                  minimum, rounded up to 15 min, capped at 12 h, ×1.5 weekends, ×2 holidays, 90
                  days).
                </td>
              </tr>
            )}
            {history.map((policy) => (
              <tr key={`${policy.teamId}-${policy.effectiveFrom}`}>
                <th scope="row">{teamName(policy.teamId)}</th>
                <td>
                  {formatDate(policy.effectiveFrom, zone)}{" "}
                  {inForce.get(policy.teamId) === policy.effectiveFrom && (
                    <span className="badge badge-applied">in force</span>
                  )}
                  {Date.parse(policy.effectiveFrom) > now && (
                    <span className="badge badge-pending">future</span>
                  )}
                </td>
                <td className="number">{policy.minimumOffMinutes} min</td>
                <td className="number">{policy.minimumSleepMinutes} min</td>
                <td className="number">{policy.roundUpToMinutes} min</td>
                <td className="number">{policy.capMinutes} min</td>
                <td className="number">{policy.weekendMultiplierPercent} %</td>
                <td className="number">{policy.holidayMultiplierPercent} %</td>
                <td className="number">{policy.expiryDays} d</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
