import { z } from "zod";
import type { DetectionRules } from "@/lib/metrics/detection-source";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import {
  type DetectionRecompute,
  recomputeDetectionSources,
} from "@/lib/server/detection/recompute-detection-sources";
import {
  type DeriveAccrualsResult,
  deriveTimeInLieuAccruals,
} from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { type MetricSettings, metricSettingsSchema } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import { METRIC_SETTINGS_KEY } from "./get-metric-settings";

export interface SaveMetricSettingsResult {
  /** The settings in force after the save, defaults filled in. */
  settings: MetricSettings;
  /** Incidents re-labelled because the detection rules changed; null when they did not. */
  detectionRecomputed: DetectionRecompute | null;
  /** Accrual lines re-derived because call-outs are now built differently; null when not. */
  timeInLieuRederived: DeriveAccrualsResult | null;
}

// Settings that change which pages form interruptions and call-outs, and when, hence accruals.
const CALL_OUT_SECTIONS = ["accountTimeZone", "hourBands", "interruptions", "callOuts"] as const;

type SettingsDocument = Record<string, unknown>;

const submittedDocumentSchema = z.record(z.string(), z.unknown(), {
  error: 'Send the settings as a JSON object, e.g. {"detection": {"testPattern": "canary"}}.',
});

const isPlainObject = (value: unknown): value is SettingsDocument =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields the admin submitted, in their validated form (domains lower-cased, regions
 * upper-cased, unknown keys dropped). Defaults of fields not submitted are left out, so a
 * later change of a default reaches every organisation that never chose a value.
 */
function submittedFields(input: SettingsDocument, parsed: MetricSettings): SettingsDocument {
  const document: SettingsDocument = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(input, key)) continue;
    const submitted = input[key];
    document[key] =
      isPlainObject(value) && isPlainObject(submitted)
        ? Object.fromEntries(
            Object.entries(value).filter(([field]) => Object.hasOwn(submitted, field)),
          )
        : value;
  }
  return document;
}

/** Section by section: a submitted section's fields replace the stored ones, the rest stay. */
function mergeSections(stored: SettingsDocument, submitted: SettingsDocument): SettingsDocument {
  const merged: SettingsDocument = { ...stored };
  for (const [key, value] of Object.entries(submitted)) {
    const previous = merged[key];
    merged[key] =
      isPlainObject(previous) && isPlainObject(value) ? { ...previous, ...value } : value;
  }
  return merged;
}

// Both sides are zod output of the same schema, so their keys come in the same order.
const sameRules = (left: DetectionRules, right: DetectionRules) =>
  JSON.stringify(left) === JSON.stringify(right);

/**
 * Validates the submitted settings (a ZodError names each invalid field), stores them over the
 * saved document and, when the detection rules changed, re-labels every incident. The re-label
 * runs after the save commits, in batches, so a large history does not hold the settings row
 * (or every incident) locked while it runs.
 */
export async function saveMetricSettings(
  db: PrismaClient,
  input: unknown,
  updatedBy?: string,
): Promise<SaveMetricSettingsResult> {
  const submitted = submittedDocumentSchema.parse(input);

  const { settings, detectionChanged, callOutsChanged } = await db.$transaction(
    async (transaction) => {
      // Locks the row so two admins saving different sections at once both keep their change.
      const rows = await transaction.$queryRaw<{ value: unknown }[]>(Prisma.sql`
      SELECT value FROM settings WHERE key = ${METRIC_SETTINGS_KEY} FOR UPDATE`);
      const storedValue = rows[0]?.value;
      const stored = isPlainObject(storedValue) ? storedValue : {};
      // Validated together with what is stored: an end of 7 alone crosses midnight against the
      // default start of 8, but not against a stored start of 6.
      const settings = metricSettingsSchema.parse(mergeSections(stored, submitted));
      const previous = metricSettingsSchema.safeParse(stored);
      const value = mergeSections(
        stored,
        submittedFields(submitted, settings),
      ) as Prisma.InputJsonObject;
      await transaction.setting.upsert({
        where: { key: METRIC_SETTINGS_KEY },
        create: { key: METRIC_SETTINGS_KEY, value, updatedBy: updatedBy ?? null },
        update: { value, updatedBy: updatedBy ?? null },
      });
      // A stored document that no longer validated gave reports no trustworthy rules to compare with.
      const detectionChanged =
        !previous.success || !sameRules(previous.data.detection, settings.detection);
      const callOutsChanged =
        !previous.success ||
        CALL_OUT_SECTIONS.some(
          (section) => JSON.stringify(previous.data[section]) !== JSON.stringify(settings[section]),
        );
      return { settings, detectionChanged, callOutsChanged };
    },
  );

  const detectionRecomputed = detectionChanged
    ? await recomputeDetectionSources(db, settings.detection)
    : null;
  // A paging test re-labelled, or a call-out grouped differently, changes what time in lieu is owed.
  const timeInLieuRederived =
    detectionChanged || callOutsChanged ? await deriveTimeInLieuAccruals(db, settings) : null;
  return { settings, detectionRecomputed, timeInLieuRederived };
}
