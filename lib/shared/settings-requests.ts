import { z } from "zod";

/**
 * Request bodies and queries of the settings endpoints other than the metric settings document
 * (lib/shared/metric-settings.ts): holiday overrides and time-in-lieu policies. Shared by the
 * routes, the Data page's forms and the tests.
 */

const civilDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" that exists (2026-02-30 is refused rather than rolled over). */
export const localDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .trim()
  .superRefine((value, context) => {
    const match = civilDate.exec(value);
    const [year, month, day] = (match?.slice(1) ?? []).map(Number) as [number, number, number];
    const date = match ? new Date(Date.UTC(year, month - 1, day)) : null;
    if (!date || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      context.addIssue({
        code: "custom",
        message: `"${value}" is not a date: enter one as YYYY-MM-DD, e.g. 2026-06-19.`,
      });
    } else if (year < 1970 || year > 2199) {
      // Date.UTC reads years 0–99 as 1900–1999, and PostgreSQL has no year 0.
      context.addIssue({
        code: "custom",
        message: `"${value}" is out of range: use a year from 1970 to 2199.`,
      });
    }
  });

/**
 * A holiday region as date-holidays names them: a country ("SE"), optionally with a state and a
 * region ("US-NY", "AU-NSW"). Whether the library knows it is checked on the server.
 */
export const holidayRegionSchema = z
  .string({ error: "Enter a region such as SE or US-NY." })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z]{2}(-[A-Z0-9]{1,4}){0,2}$/,
    "Enter an ISO region code such as SE, GB or US-NY (country, then optionally state).",
  );

/** `POST /api/settings/holidays`: add a holiday, or mark a library holiday "not a holiday here". */
export const saveHolidayOverrideSchema = z
  .object({
    region: holidayRegionSchema,
    date: localDateSchema,
    name: z.string().trim().max(100, "Keep the name under 100 characters.").default(""),
    /** true adds a holiday; false removes the library's holiday on that date for the region. */
    isHoliday: z.boolean({ error: "isHoliday must be true or false." }).default(true),
  })
  .superRefine((override, context) => {
    if (override.isHoliday && override.name === "") {
      context.addIssue({
        code: "custom",
        path: ["name"],
        message: "Name the holiday (e.g. Company day off) so people see why the day is off.",
      });
    }
  });
export type SaveHolidayOverrideRequest = z.input<typeof saveHolidayOverrideSchema>;

/** `GET /api/settings/holidays?region=SE&year=2026`: overrides and the library's holidays. */
export const holidaySettingsQuerySchema = z.object({
  region: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    holidayRegionSchema.optional(),
  ),
  year: z.coerce
    .number({ error: "year must be a year such as 2026." })
    .int("year must be a year such as 2026.")
    .min(1970, "year must be 1970 or later.")
    .max(2200, "year must be 2200 or earlier.")
    .optional(),
});

/** `DELETE /api/settings/holidays?region=SE`: back to the library for one region. */
export const resetHolidayRegionQuerySchema = z.object({ region: holidayRegionSchema });

const wholeMinutes = (minimum: number, maximum: number) => {
  const message = `Enter whole minutes from ${minimum} to ${maximum}.`;
  return z.number({ error: message }).int(message).min(minimum, message).max(maximum, message);
};

const multiplierPercent = z
  .number({ error: "Enter a whole percentage from 100 to 1000 (150 = ×1.5)." })
  .int("Enter a whole percentage from 100 to 1000 (150 = ×1.5).")
  .min(100, "Enter a whole percentage from 100 to 1000 (150 = ×1.5).")
  .max(1000, "Enter a whole percentage from 100 to 1000 (150 = ×1.5).");

/**
 * `POST /api/settings/time-in-lieu-policies`: a new version of a team's policy (teamId null: the
 * organisation default), in effect from a date (midnight in the account time zone) on. Saving the
 * same team and date again corrects that version.
 */
export const saveTimeInLieuPolicySchema = z.object({
  teamId: z
    .number({ error: "Choose a team's id, or null for the organisation default." })
    .int()
    .positive()
    .nullable(),
  effectiveFrom: localDateSchema,
  minimumOffMinutes: wholeMinutes(0, 1440),
  minimumSleepMinutes: wholeMinutes(0, 1440),
  /** 0 = no rounding. */
  roundUpToMinutes: wholeMinutes(0, 240),
  capMinutes: wholeMinutes(1, 2880),
  weekendMultiplierPercent: multiplierPercent,
  holidayMultiplierPercent: multiplierPercent,
  expiryDays: z
    .number({ error: "Enter whole days from 1 to 3650." })
    .int("Enter whole days from 1 to 3650.")
    .min(1, "Enter whole days from 1 to 3650.")
    .max(3650, "Enter whole days from 1 to 3650."),
});
export type SaveTimeInLieuPolicyRequest = z.input<typeof saveTimeInLieuPolicySchema>;
