import { z } from "zod";
import { DEFAULT_BURNOUT_THRESHOLDS } from "../metrics/burnout-risk";
import {
  DEFAULT_CALL_OUT_CHAIN_WINDOW_MS,
  DEFAULT_CALL_OUT_MAX_DURATION_MS,
} from "../metrics/call-outs";
import { DEFAULT_DETECTION_RULES, detectionRulesSchema } from "../metrics/detection-source";
import {
  DEFAULT_INTERRUPTING_CHANNELS,
  DEFAULT_INTERRUPTION_WINDOW_MS,
} from "../metrics/interruptions";
import { DEFAULT_ON_CALL_WEEK_MINIMUM_HOURS } from "../metrics/on-call";
import type { ActivitySettings } from "../metrics/person-activity";
import { DEFAULT_REST_SETTINGS } from "../metrics/rest-breaches";
import { DEFAULT_HOUR_BANDS } from "../metrics/time-bands";
import { timeZoneSchema } from "./time-zone";

/**
 * Every threshold PRODUCT.md's definitions name, as one settings document (stored under the
 * `metrics` key of the settings table). Each field defaults to the product's default, so a
 * stored document only holds what an admin changed, and a new setting needs no migration.
 * Time-in-lieu policies are per team and live in their own table.
 */

const hour = z.number().min(0).max(24);
const count = (fallback: number) => z.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.number().positive().default(fallback);

const hourBandsSchema = z
  .object({
    businessStartHour: hour.default(DEFAULT_HOUR_BANDS.businessStartHour),
    businessEndHour: hour.default(DEFAULT_HOUR_BANDS.businessEndHour),
    sleepStartHour: hour.default(DEFAULT_HOUR_BANDS.sleepStartHour),
    sleepEndHour: hour.default(DEFAULT_HOUR_BANDS.sleepEndHour),
    businessDays: z.array(z.number().int().min(1).max(7)).default(DEFAULT_HOUR_BANDS.businessDays),
  })
  .superRefine((bands, context) => {
    if (bands.businessStartHour > bands.businessEndHour) {
      context.addIssue({
        code: "custom",
        path: ["businessEndHour"],
        message: "Business hours cannot cross midnight: the end must be after the start.",
      });
    }
  });

export const metricSettingsSchema = z.object({
  /** Zone for people PagerDuty has no zone for. */
  accountTimeZone: timeZoneSchema.default("UTC"),
  hourBands: hourBandsSchema.prefault({}),
  interruptions: z
    .object({
      windowSeconds: positive(DEFAULT_INTERRUPTION_WINDOW_MS / 1000),
      channels: z
        .array(z.enum(["phone", "sms", "push", "email", "other"]))
        .default([...DEFAULT_INTERRUPTING_CHANNELS]),
    })
    .prefault({}),
  callOuts: z
    .object({
      chainWindowMinutes: positive(DEFAULT_CALL_OUT_CHAIN_WINDOW_MS / 60_000),
      maxDurationHours: positive(DEFAULT_CALL_OUT_MAX_DURATION_MS / 3_600_000),
    })
    .prefault({}),
  onCall: z
    .object({
      weekMinimumHours: positive(DEFAULT_ON_CALL_WEEK_MINIMUM_HOURS),
      healthyIntervalWeeksFrom: positive(4),
      healthyIntervalWeeksTo: positive(7),
      healthyStreakWeeksUpTo: positive(2),
    })
    .prefault({}),
  rest: z
    .object({
      minimumRestHours: positive(DEFAULT_REST_SETTINGS.minimumRestHours),
      nightRestRegions: z
        .array(z.string().trim().toUpperCase())
        .default([...DEFAULT_REST_SETTINGS.nightRestRegions]),
      nightRestStartHour: hour.default(DEFAULT_REST_SETTINGS.nightRestStartHour),
      nightRestEndHour: hour.default(DEFAULT_REST_SETTINGS.nightRestEndHour),
    })
    .prefault({}),
  detection: z
    .object({
      testPattern: detectionRulesSchema.shape.testPattern.default(
        DEFAULT_DETECTION_RULES.testPattern,
      ),
      customerServicePattern: detectionRulesSchema.shape.customerServicePattern.default(
        DEFAULT_DETECTION_RULES.customerServicePattern,
      ),
      customerTitlePattern: detectionRulesSchema.shape.customerTitlePattern.default(
        DEFAULT_DETECTION_RULES.customerTitlePattern,
      ),
      supportEmailDomains: detectionRulesSchema.shape.supportEmailDomains.default([
        ...DEFAULT_DETECTION_RULES.supportEmailDomains,
      ]),
    })
    .prefault({}),
  burnout: z
    .object({
      windowDays: z.number().int().min(1).default(DEFAULT_BURNOUT_THRESHOLDS.windowDays),
      highWakeUpsFrom: count(DEFAULT_BURNOUT_THRESHOLDS.highWakeUpsFrom),
      highStreakWeeksFrom: count(DEFAULT_BURNOUT_THRESHOLDS.highStreakWeeksFrom),
      highIntervalWeeksBelow: positive(DEFAULT_BURNOUT_THRESHOLDS.highIntervalWeeksBelow),
      highRestBreachesFrom: count(DEFAULT_BURNOUT_THRESHOLDS.highRestBreachesFrom),
      mediumWakeUpsFrom: count(DEFAULT_BURNOUT_THRESHOLDS.mediumWakeUpsFrom),
      mediumOffHoursInterruptionsFrom: count(
        DEFAULT_BURNOUT_THRESHOLDS.mediumOffHoursInterruptionsFrom,
      ),
      mediumIntervalWeeksBelow: positive(DEFAULT_BURNOUT_THRESHOLDS.mediumIntervalWeeksBelow),
      mediumOwedMinutesAbove: count(DEFAULT_BURNOUT_THRESHOLDS.mediumOwedMinutesAbove),
      owedOlderThanDays: count(DEFAULT_BURNOUT_THRESHOLDS.owedOlderThanDays),
    })
    .prefault({}),
  noise: z
    .object({
      /** An incident auto-resolved within this many minutes, never acknowledged, is noise. */
      autoResolveMinutes: positive(5),
      /** Distinct alert kinds allowed to page out of hours per period (the off-hours alert budget). */
      offHoursAlertKindsAllowed: count(10),
    })
    .prefault({}),
});

/** Settings as stored or submitted: any field may be missing and takes its default. */
export type MetricSettingsInput = z.input<typeof metricSettingsSchema>;
export type MetricSettings = z.output<typeof metricSettingsSchema>;

export const DEFAULT_METRIC_SETTINGS: MetricSettings = metricSettingsSchema.parse({});

/** The settings the interruption → call-out → rest pipeline needs, in its units. */
export function activitySettingsOf(settings: MetricSettings): ActivitySettings {
  return {
    interruptionWindowMs: settings.interruptions.windowSeconds * 1000,
    interruptingChannels: settings.interruptions.channels,
    callOutChainWindowMs: settings.callOuts.chainWindowMinutes * 60_000,
    callOutMaxDurationMs: settings.callOuts.maxDurationHours * 3_600_000,
    rest: settings.rest,
  };
}
