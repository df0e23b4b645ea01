"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import {
  describeMetricSettingsSave,
  type MetricSettings,
  messagesByField,
  metricSettingsQueryOptions,
  SETTINGS_KEY,
  saveMetricSettings,
} from "@/lib/client/settings";

/**
 * One field of the metric settings document, addressed by its path ("hourBands.businessEndHour").
 * The form keeps every value as typed (text, or the ticked options) and converts on save, so the
 * API — not the browser — decides what is valid and says why.
 */
export type SettingsField = {
  path: string;
  label: string;
  /** Shown under the label: the unit or what the value means. */
  hint?: string;
  /** Fields with the same group share a fieldset. */
  group?: string;
} & (
  | { kind: "number"; step?: number; min?: number; max?: number }
  | { kind: "text"; placeholder?: string; list?: string }
  /** Blank means "no rule" (sent as null). */
  | { kind: "optional-text"; placeholder?: string }
  /** Comma- or space-separated values, sent as an array of strings. */
  | { kind: "list"; placeholder?: string }
  | { kind: "choices"; options: readonly { value: string | number; label: string }[] }
);

type Draft = Record<string, string | string[]>;

function valueAt(document: unknown, path: string): unknown {
  let value: unknown = document;
  for (const key of path.split(".")) {
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

function draftOf(settings: MetricSettings, fields: readonly SettingsField[]): Draft {
  const draft: Draft = {};
  for (const field of fields) {
    const value = valueAt(settings, field.path);
    if (field.kind === "choices") {
      draft[field.path] = Array.isArray(value) ? value.map(String) : [];
    } else if (field.kind === "list") {
      draft[field.path] = Array.isArray(value) ? value.join(", ") : "";
    } else {
      draft[field.path] = value === null || value === undefined ? "" : String(value);
    }
  }
  return draft;
}

/** The submitted part of the settings document, nested by path. */
function bodyOf(draft: Draft, fields: readonly SettingsField[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = draft[field.path] ?? "";
    let value: unknown;
    if (field.kind === "choices") {
      const ticked = Array.isArray(raw) ? raw : [];
      const numeric = field.options.every((option) => typeof option.value === "number");
      value = numeric ? ticked.map(Number).sort((left, right) => left - right) : ticked;
    } else {
      const text = typeof raw === "string" ? raw.trim() : "";
      if (field.kind === "number") value = text === "" ? null : Number(text);
      else if (field.kind === "optional-text") value = text === "" ? null : text;
      else if (field.kind === "list") value = text.split(/[\s,]+/).filter(Boolean);
      else value = text;
    }
    const keys = field.path.split(".");
    let target = body;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1) ?? field.path] = value;
  }
  return body;
}

function FieldInput({
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  field: SettingsField;
  value: string | string[];
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string | string[]) => void;
}) {
  const id = useId();
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const messages = (
    <>
      {field.hint && (
        <span id={hintId} className="hint">
          {field.hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="error field-error">
          {error}
        </span>
      )}
    </>
  );
  if (field.kind === "choices") {
    const ticked = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className="settings-choices"
        aria-describedby={describedBy}
        aria-invalid={Boolean(error)}
      >
        <legend>{field.label}</legend>
        {field.options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={ticked.includes(String(option.value))}
              disabled={disabled}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...ticked, String(option.value)]
                    : ticked.filter((item) => item !== String(option.value)),
                )
              }
            />
            {option.label}
          </label>
        ))}
        {messages}
      </fieldset>
    );
  }
  return (
    <div className="settings-field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type={field.kind === "number" ? "number" : "text"}
        inputMode={field.kind === "number" ? "decimal" : undefined}
        step={field.kind === "number" ? (field.step ?? "any") : undefined}
        min={field.kind === "number" ? field.min : undefined}
        max={field.kind === "number" ? field.max : undefined}
        placeholder={"placeholder" in field ? field.placeholder : undefined}
        list={field.kind === "text" ? field.list : undefined}
        value={typeof value === "string" ? value : ""}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {messages}
    </div>
  );
}

/**
 * A section of the metric settings document as a form: Save sends its fields (the API merges
 * them over the stored document), "Reset to defaults" fills in the product defaults to review
 * and save, and after a save one line per effect says what changed in the numbers.
 */
export function MetricSettingsForm({
  id,
  title,
  description,
  fields,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  fields: readonly SettingsField[];
  /** Extra content under the fields (a datalist, a note). */
  children?: ReactNode;
}) {
  const queryClient = useQueryClient();
  const current = useQuery(metricSettingsQueryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveMetricSettings,
    onSuccess: async (result) => {
      setDraft(draftOf(result.settings, fields));
      setNote(null);
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
      // Sync freshness and the other screens' numbers may have changed too.
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== SETTINGS_KEY[0],
      });
    },
  });

  const headingId = `${id}-heading`;
  if (current.isPending) {
    return (
      <section className="panel settings-section" aria-labelledby={headingId} aria-busy="true">
        <h3 id={headingId}>{title}</h3>
        <p>Loading settings…</p>
      </section>
    );
  }
  if (current.isError) {
    return (
      <section className="panel settings-section" aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <p role="alert" className="error">
          Settings could not be loaded: {current.error.message}
        </p>
        <button type="button" onClick={() => current.refetch()}>
          Retry
        </button>
      </section>
    );
  }

  const values = draft ?? draftOf(current.data.settings, fields);
  const errors = save.isError ? messagesByField(save.error.message) : new Map<string, string>();
  const groups = [...new Set(fields.map((field) => field.group ?? ""))];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(bodyOf(values, fields));
  }
  function reset() {
    if (!current.data) return;
    setDraft(draftOf(current.data.defaults, fields));
    save.reset();
    setNote("Defaults filled in: Save to apply them.");
  }

  const renderField = (field: SettingsField) => (
    <FieldInput
      key={field.path}
      field={field}
      value={values[field.path] ?? ""}
      error={errors.get(field.path)}
      disabled={save.isPending}
      onChange={(value) => {
        setDraft({ ...values, [field.path]: value });
        setNote(null);
      }}
    />
  );

  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="hint">{description}</p>
      <form className="settings-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
        {groups.map((group) =>
          group === "" ? (
            <div key="fields" className="settings-grid">
              {fields.filter((field) => !field.group).map(renderField)}
            </div>
          ) : (
            <fieldset key={group} className="settings-group">
              <legend>{group}</legend>
              <div className="settings-grid">
                {fields.filter((field) => field.group === group).map(renderField)}
              </div>
            </fieldset>
          ),
        )}
        {children}
        <SettingsActions
          isBusy={save.isPending}
          onReset={reset}
          error={save.isError ? `Not saved: ${save.error.message}` : null}
          results={save.isSuccess ? describeMetricSettingsSave(save.data) : note ? [note] : null}
        />
      </form>
    </section>
  );
}

/** Save and "Reset to defaults", the API's refusal, and what the save changed. */
export function SettingsActions({
  isBusy,
  onReset,
  isResetDisabled = false,
  error,
  results,
  saveLabel = "Save",
  resetLabel = "Reset to defaults",
}: {
  isBusy: boolean;
  onReset: () => void;
  isResetDisabled?: boolean;
  error: string | null;
  results: string[] | null;
  saveLabel?: string;
  resetLabel?: string;
}) {
  return (
    <>
      <div className="settings-actions">
        <button type="submit" disabled={isBusy}>
          {isBusy ? "Saving…" : saveLabel}
        </button>
        <button type="button" onClick={onReset} disabled={isBusy || isResetDisabled}>
          {resetLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div aria-live="polite" className="settings-result">
        {results?.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </>
  );
}
