import { z } from "zod";
import { timeZoneSchema } from "./time-zone";

/** The file formats `fairshift import` reads (`--format`); shared with the upload form. */
export const FILE_FORMATS = [
  "pd-rest-json",
  "pd-insights-csv",
  "pd-legacy-csv",
  "mapped-csv",
  "ical",
  "shifts-csv",
  "webhook-events",
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** What the Data page offers: detection, and every format but webhook replay (not built yet). */
export const UPLOAD_FORMATS = [
  "auto",
  ...FILE_FORMATS.filter((format) => format !== "webhook-events"),
] as const;

/** `POST /api/imports`: start importing uploaded files as one batch. */
export const startImportSchema = z.object({
  uploads: z
    .array(z.object({ uploadId: z.string().min(1), fileName: z.string().min(1).max(500) }))
    .min(1, "Upload at least one file first."),
  format: z.enum(UPLOAD_FORMATS).default("auto"),
  timeZone: timeZoneSchema.nullable().default(null),
  isDryRun: z.boolean().default(false),
  /** A saved column mapping (JSON) for mapped-csv; validated by the importer's schema. */
  mapping: z.unknown().optional(),
});
export type StartImportRequest = z.input<typeof startImportSchema>;

export const importRunsQuerySchema = z.object({
  batchId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const importRunQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
