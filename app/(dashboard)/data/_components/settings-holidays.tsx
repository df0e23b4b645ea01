"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatCount } from "@/lib/client/format";
import {
  deleteHolidayOverride,
  describeRederivation,
  type HolidayOverrideRow,
  holidaySettingsQueryOptions,
  messagesByField,
  resetHolidayRegion,
  SETTINGS_KEY,
  saveHolidayOverride,
} from "@/lib/client/settings";
import { SettingsActions } from "./settings-fields";

const civilDateFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "Fri 3 Apr 2026": a holiday is a whole local date, so it is shown as one, not as an instant. */
const formatCivilDate = (date: string) => civilDateFormat.format(new Date(`${date}T00:00:00Z`));

const THIS_YEAR = new Date().getFullYear();

/**
 * Public holidays: which region each person's come from (their own, else their zone's country),
 * the holiday library's days for a region and year, and the admin's overrides — a date added as
 * a holiday, or a library holiday marked "not a holiday here". Saving derives the region's time
 * in lieu on that date again.
 */
export function SettingsHolidays() {
  const queryClient = useQueryClient();
  const [region, setRegion] = useState<string | null>(null);
  const [year, setYear] = useState(THIS_YEAR);
  const [isConfirmingReset, setIsConfirmingReset] = useState(false);
  const [lastChange, setLastChange] = useState<string[] | null>(null);
  const holidays = useQuery({
    ...holidaySettingsQueryOptions(region, year),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
  const done = (lines: string[]) => {
    setLastChange(lines);
    setIsConfirmingReset(false);
    return refresh();
  };
  const save = useMutation({
    mutationFn: saveHolidayOverride,
    onSuccess: ({ override, timeInLieuRederived }) => {
      // Show the region just changed, so the override appears against its library.
      setRegion(override.region);
      return done([
        `Saved: ${formatCivilDate(override.date)} in ${override.region} is ${override.isHoliday ? `a holiday (${override.name})` : "not a holiday"}.`,
        describeRederivation(timeInLieuRederived),
      ]);
    },
  });
  const remove = useMutation({
    mutationFn: (row: HolidayOverrideRow) => deleteHolidayOverride(row.id),
    onSuccess: ({ timeInLieuRederived }, row) =>
      done([
        `Removed the override of ${formatCivilDate(row.date)} in ${row.region}: the library decides again.`,
        describeRederivation(timeInLieuRederived),
      ]),
  });
  const reset = useMutation({
    mutationFn: resetHolidayRegion,
    onSuccess: ({ deleted, timeInLieuRederived }, resetRegion) =>
      done([
        `${resetRegion} is back to the holiday library (${formatCount(deleted)} override${deleted === 1 ? "" : "s"} removed).`,
        describeRederivation(timeInLieuRederived),
      ]),
  });
  const isBusy = save.isPending || remove.isPending || reset.isPending;
  const failure = save.error ?? remove.error ?? reset.error;
  const errors = save.isError ? messagesByField(save.error.message) : new Map<string, string>();

  const data = holidays.data;
  const shownRegion = data?.library?.region ?? region ?? "";
  const regionOverrides = data?.overrides.filter((row) => row.region === shownRegion) ?? [];

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRegion(
      String(form.get("region") ?? "")
        .trim()
        .toUpperCase() || null,
    );
    const chosenYear = Number(form.get("year"));
    if (Number.isInteger(chosenYear)) setYear(chosenYear);
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      region: String(form.get("region") ?? ""),
      date: String(form.get("date") ?? ""),
      name: String(form.get("name") ?? ""),
      isHoliday: form.get("effect") !== "remove",
    });
  }

  function startReset() {
    if (!shownRegion) return;
    if (isConfirmingReset) reset.mutate(shownRegion);
    else setIsConfirmingReset(true);
  }

  const fieldError = (field: string) => {
    const message = errors.get(field);
    return message ? (
      <span id={`holiday-${field}-error`} className="error field-error">
        {message}
      </span>
    ) : null;
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-holidays-heading">
      <h3 id="settings-holidays-heading">Holidays</h3>
      <p className="hint">
        A public holiday counts as a weekend day: its hours are off hours, and time in lieu earned
        on it takes the holiday multiplier. Each person's region is the country of their time zone
        (Europe/Stockholm → SE) unless set on the person.
      </p>
      {holidays.isPending && <p aria-busy="true">Loading holidays…</p>}
      {holidays.isError && (
        <p role="alert" className="error">
          Holidays could not be loaded: {holidays.error.message}{" "}
          {region === null ? (
            <button type="button" onClick={() => holidays.refetch()}>
              Retry
            </button>
          ) : (
            <button type="button" onClick={() => setRegion(null)}>
              Back to the most common region
            </button>
          )}
        </p>
      )}
      {data && (
        <>
          <div className="table-scroll">
            <table>
              <caption>Where people's holidays come from</caption>
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col" className="number">
                    People
                  </th>
                  <th scope="col" className="number">
                    Set on the person
                  </th>
                  <th scope="col" className="number">
                    Overrides
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.regions.length === 0 && (
                  <tr>
                    <td colSpan={4}>No people imported yet.</td>
                  </tr>
                )}
                {data.regions.map((use) => (
                  <tr key={use.region ?? "none"}>
                    <th scope="row">
                      {use.region ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setRegion(use.region)}
                          aria-label={`Show the holidays of ${use.region}`}
                        >
                          {use.region}
                        </button>
                      ) : (
                        "None: zone has no country (no public holidays)"
                      )}
                    </th>
                    <td className="number">{formatCount(use.people)}</td>
                    <td className="number">{formatCount(use.setOnPerson)}</td>
                    <td className="number">
                      {formatCount(
                        data.overrides.filter((row) => row.region === use.region).length,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <form
            className="settings-inline-form"
            onSubmit={show}
            aria-label="Show a region's holidays"
          >
            <label>
              Region
              <input
                name="region"
                defaultValue={shownRegion}
                key={shownRegion}
                list="settings-holiday-regions"
                autoComplete="off"
                spellCheck={false}
                size={8}
              />
            </label>
            <label>
              Year
              <input name="year" type="number" defaultValue={year} min={1970} max={2200} />
            </label>
            <button type="submit">Show holidays</button>
            <datalist id="settings-holiday-regions">
              {data.regions.flatMap((use) =>
                use.region ? [<option key={use.region} value={use.region} />] : [],
              )}
            </datalist>
          </form>

          {data.library && (
            <div className="table-scroll" aria-busy={holidays.isFetching}>
              <table>
                <caption>
                  Public holidays in {data.library.region}, {data.library.year} (holiday library)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Name</th>
                    <th scope="col">Counts as</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.library.holidays.map((holiday) => {
                    const override = holiday.override;
                    const isRemoved = override !== null && !override.isHoliday;
                    return (
                      <tr key={holiday.date}>
                        <td>{formatCivilDate(holiday.date)}</td>
                        <td>{holiday.name}</td>
                        <td>{isRemoved ? "not a holiday here (override)" : "holiday"}</td>
                        <td>
                          {override ? (
                            <button
                              type="button"
                              disabled={isBusy}
                              onClick={() => remove.mutate(override)}
                              aria-label={`Restore ${holiday.name} as the library has it`}
                            >
                              Restore
                            </button>
                          ) : (
                            <button
                              type="button"
                              disabled={isBusy}
                              onClick={() =>
                                save.mutate({
                                  region: data.library?.region ?? "",
                                  date: holiday.date,
                                  name: holiday.name,
                                  isHoliday: false,
                                })
                              }
                              aria-label={`Mark ${holiday.name} (${holiday.date}) not a holiday here`}
                            >
                              Not a holiday here
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          <div className="table-scroll">
            <table>
              <caption>Overrides</caption>
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Date</th>
                  <th scope="col">Name</th>
                  <th scope="col">Effect</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.overrides.length === 0 && (
                  <tr>
                    <td colSpan={5}>No overrides: the holiday library decides every date.</td>
                  </tr>
                )}
                {data.overrides.map((row) => (
                  <tr key={row.id}>
                    <td>{row.region}</td>
                    <td>{formatCivilDate(row.date)}</td>
                    <td>{row.name || "—"}</td>
                    <td>{row.isHoliday ? "holiday added" : "not a holiday here"}</td>
                    <td>
                      <button
                        type="button"
                        disabled={isBusy}
                        onClick={() => remove.mutate(row)}
                        aria-label={`Delete the override of ${row.date} in ${row.region}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <form
        className="settings-form"
        onSubmit={add}
        aria-labelledby="settings-holiday-add-heading"
        noValidate
      >
        <h4 id="settings-holiday-add-heading">Add an override</h4>
        <div className="settings-grid">
          <div className="settings-field">
            <label htmlFor="holiday-add-region">Region</label>
            <input
              id="holiday-add-region"
              name="region"
              defaultValue={shownRegion}
              key={`add-${shownRegion}`}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.has("region")}
              aria-describedby={errors.has("region") ? "holiday-region-error" : undefined}
            />
            {fieldError("region")}
          </div>
          <div className="settings-field">
            <label htmlFor="holiday-add-date">Date</label>
            <input
              id="holiday-add-date"
              name="date"
              type="date"
              aria-invalid={errors.has("date")}
              aria-describedby={errors.has("date") ? "holiday-date-error" : undefined}
            />
            {fieldError("date")}
          </div>
          <div className="settings-field">
            <label htmlFor="holiday-add-name">Name</label>
            <input
              id="holiday-add-name"
              name="name"
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. Company day off"
              aria-invalid={errors.has("name")}
              aria-describedby={errors.has("name") ? "holiday-name-error" : undefined}
            />
            {fieldError("name")}
          </div>
          <div className="settings-field">
            <label htmlFor="holiday-add-effect">Effect</label>
            <select id="holiday-add-effect" name="effect" defaultValue="add">
              <option value="add">A holiday here</option>
              <option value="remove">Not a holiday here</option>
            </select>
          </div>
        </div>
        <SettingsActions
          isBusy={isBusy}
          saveLabel="Save override"
          resetLabel={
            isConfirmingReset
              ? `Confirm: remove all ${formatCount(regionOverrides.length)} overrides of ${shownRegion}`
              : `Reset ${shownRegion || "region"} to defaults`
          }
          onReset={startReset}
          isResetDisabled={!shownRegion || regionOverrides.length === 0}
          error={failure ? `Not saved: ${failure.message}` : null}
          results={lastChange}
        />
      </form>
    </section>
  );
}
