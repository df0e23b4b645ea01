import { z } from "zod";
import { DETECTION_SOURCES, type DetectionSource } from "@/lib/metrics/detection-source";
import type { SearchParamsRecord } from "./dashboard-filters";
import { reportQuerySchema } from "./report-query";

export { DETECTION_SOURCES, type DetectionSource };

/** Mirrors the Prisma `IncidentStatus` enum. */
export const INCIDENT_STATUSES = ["triggered", "acknowledged", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Rows per page of the incident list. */
export const INCIDENTS_PER_PAGE = 50;

// Offset paging: past this the OFFSET scan costs seconds on millions of rows; narrow the filters.
export const MAXIMUM_INCIDENT_PAGE = 10_000;
export const MAXIMUM_SEARCH_LENGTH = 200;

// A filter form leaves `?status=` in the URL when nothing is chosen: read that as "no filter".
const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const sourceList = DETECTION_SOURCES.join(", ");

/**
 * `GET /api/incidents?from&to&tz[&team&service&urgency][&status&source&q&page]`: the report
 * filters (an incident belongs to the range of its created_at), plus the list's own.
 */
export const incidentListQuerySchema = reportQuerySchema.and(
  z.object({
    status: z.preprocess(
      blankAsUnset,
      z
        .enum(INCIDENT_STATUSES, { error: "status must be triggered, acknowledged or resolved." })
        .optional(),
    ),
    source: z.preprocess(
      blankAsUnset,
      z.enum(DETECTION_SOURCES, { error: `source must be one of ${sourceList}.` }).optional(),
    ),
    /** Title words, `#number` or a PagerDuty id. */
    q: z.preprocess(
      blankAsUnset,
      z
        .string()
        .trim()
        .max(MAXIMUM_SEARCH_LENGTH, `q can be at most ${MAXIMUM_SEARCH_LENGTH} characters.`)
        .optional(),
    ),
    page: z.preprocess(
      blankAsUnset,
      z.coerce
        .number({ error: "page must be a whole number from 1." })
        .int("page must be a whole number from 1.")
        .min(1, "page must be a whole number from 1.")
        .max(
          MAXIMUM_INCIDENT_PAGE,
          `page can be at most ${MAXIMUM_INCIDENT_PAGE}; narrow the filters instead.`,
        )
        .default(1),
    ),
  }),
);

export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

/** The list's own filters as the URL holds them (the range and scope are DashboardFilters). */
export interface IncidentListFilters {
  status?: IncidentStatus;
  source?: DetectionSource;
  q?: string;
  page: number;
}

const isStatus = (value: string | undefined): value is IncidentStatus =>
  (INCIDENT_STATUSES as readonly (string | undefined)[]).includes(value);
const isSource = (value: string | undefined): value is DetectionSource =>
  (DETECTION_SOURCES as readonly (string | undefined)[]).includes(value);

/**
 * The list filters a URL asks for; anything unreadable reads as unset (page 1), so a hand-edited
 * link shows a view rather than an error page.
 */
export function readIncidentListFilters(
  params: SearchParamsRecord | URLSearchParams,
): IncidentListFilters {
  const get = (key: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    const text = Array.isArray(value) ? value[value.length - 1] : value;
    return text?.trim() || undefined;
  };
  const status = get("status");
  const source = get("source");
  const q = get("q")?.slice(0, MAXIMUM_SEARCH_LENGTH).trim();
  const page = Number(get("page") ?? "1");
  return {
    ...(isStatus(status) ? { status } : {}),
    ...(isSource(source) ? { source } : {}),
    ...(q ? { q } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= MAXIMUM_INCIDENT_PAGE ? page : 1,
  };
}

/** The list filters as extra query parameters for `dashboardQueryString` (page 1 left out). */
export function incidentListParams(
  filters: IncidentListFilters,
): Record<string, string | undefined> {
  return {
    status: filters.status,
    source: filters.source,
    q: filters.q,
    page: filters.page > 1 ? String(filters.page) : undefined,
  };
}

/**
 * `PATCH /api/incidents/{id}`: the two things a person may correct. `startedAt` is an ISO instant
 * (with Z or an offset) or null to clear it; `detectionOverride` a source or null for none.
 */
export const updateIncidentRequestSchema = z
  .strictObject(
    {
      startedAt: z.iso
        .datetime({
          offset: true,
          error:
            "startedAt must be an ISO 8601 instant such as 2026-07-02T09:30:00Z (or null to clear it).",
        })
        .nullable()
        .optional(),
      detectionOverride: z
        .enum(DETECTION_SOURCES, {
          error: `detectionOverride must be one of ${sourceList} (or null for no override).`,
        })
        .nullable()
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Only startedAt and detectionOverride can be changed (got ${issue.keys.join(", ")}).`
          : 'Send a JSON object such as {"startedAt": "2026-07-02T09:30:00Z", "detectionOverride": "customer"}.',
    },
  )
  .refine((body) => body.startedAt !== undefined || body.detectionOverride !== undefined, {
    error: "Nothing to change: send startedAt and/or detectionOverride.",
    // Only for a body that is otherwise valid: a misspelt key is the message to show.
    when: (payload) => payload.issues.length === 0,
  })
  .transform(
    (body): IncidentOverrideChanges => ({
      startedAt:
        body.startedAt === undefined
          ? undefined
          : body.startedAt === null
            ? null
            : new Date(body.startedAt),
      detectionOverride: body.detectionOverride,
    }),
  );

export type UpdateIncidentRequest = z.input<typeof updateIncidentRequestSchema>;
/** What to change; a key left out stays as it is. */
export interface IncidentOverrideChanges {
  startedAt?: Date | null;
  detectionOverride?: DetectionSource | null;
}
