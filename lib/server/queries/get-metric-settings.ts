import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError, describeIssues } from "@/lib/server/http/api-error";
import { type MetricSettings, metricSettingsSchema } from "@/lib/shared/metric-settings";

/** The settings row that holds the metric settings document. */
export const METRIC_SETTINGS_KEY = "metrics";

/**
 * The settings in force for a stored document (null when nothing was saved): every missing field
 * takes its default. A document that no longer validates (edited by hand, or saved before a rule
 * got stricter) throws with the fields named, rather than letting reports use settings nobody chose.
 */
export function parseStoredMetricSettings(stored: unknown): MetricSettings {
  const parsed = metricSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  throw new ApiError(
    "internal",
    `The saved metric settings (settings row "${METRIC_SETTINGS_KEY}") are no longer valid: ` +
      `${describeIssues(parsed.error)}. Correct these fields in the settings on the Data page ` +
      "and save again (or PUT the corrected fields to /api/settings/metrics).",
  );
}

export async function getMetricSettings(db: PrismaClient): Promise<MetricSettings> {
  const row = await db.setting.findUnique({
    where: { key: METRIC_SETTINGS_KEY },
    select: { value: true },
  });
  return parseStoredMetricSettings(row?.value ?? null);
}
