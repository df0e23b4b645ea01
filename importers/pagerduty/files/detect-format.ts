/**
 * `fairshift import --format auto`: which reader a file needs, from its first ~64 KB. JSON, iCal
 * and webhook bodies are told apart by their first characters, CSV exports by their header row.
 */
import { createInsightsCsvMapper } from "@/importers/pagerduty/map/csv/insights-csv";
import { createShiftsCsvMapper } from "@/importers/pagerduty/map/csv/shifts-csv";
import { parseCsvHead } from "@/importers/shared/csv-rows";

import { FILE_FORMATS, type FileFormat } from "@/lib/shared/import-requests";

export { FILE_FORMATS, type FileFormat };

/** How much of a file `detectFormat` wants to see. */
export const DETECT_FORMAT_HEAD_BYTES = 64 * 1024;

const MAX_HEADERS_LISTED = 12;

/** A v3 body (`{"event":{…}}`) or a legacy v2 body (`{"messages":[…]}`), alone, in NDJSON or in an array. */
const WEBHOOK_BODY = /^\[?\s*\{\s*"(?:event"\s*:\s*\{|messages"\s*:\s*\[)/;
const ICAL_START = /^BEGIN:(?:VCALENDAR|VEVENT)\b/i;
/** Analytics / Insights "Export CSV" uses display names: `Incident ID`, `Created at`, `TTA`. */
const INSIGHTS_ID_HEADER = /^incident (?:id|number|#)$/i;

export function detectFormat(head: string, fileName: string): FileFormat | { error: string } {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text === "") return { error: `${fileName} is empty.` };
  const binaryProblem = binaryProblemOf(head);
  if (binaryProblem !== null) return { error: `${fileName} ${binaryProblem}` };

  if (text.startsWith("{") || text.startsWith("[")) {
    return WEBHOOK_BODY.test(text) ? "webhook-events" : "pd-rest-json";
  }
  if (ICAL_START.test(text)) return "ical";
  if (text.startsWith("<")) {
    return {
      error: `${fileName} looks like HTML or XML, not a PagerDuty export (JSON, CSV or iCal). Was an error page saved instead of the file?`,
    };
  }
  return csvFormatOf(text, fileName);
}

function csvFormatOf(text: string, fileName: string): FileFormat | { error: string } {
  const { headers, firstRow } = parseCsvHead(text);
  const lowerCase = headers.map((header) => header.toLowerCase());
  // Only the header matters here: the mappers accept or refuse headers whatever the zone.
  const headerOnly = { timeZone: null };

  // Before Insights: its mapper would also accept these (id, description, created_on).
  if (lowerCase.includes("incident_number") && lowerCase.includes("created_on"))
    return "pd-legacy-csv";
  // DevLake's raw table (`id,params,data,…`) keeps each REST object as JSON in its `data` column.
  const dataColumn = lowerCase.indexOf("data");
  if (
    dataColumn !== -1 &&
    (firstRow === null || firstRow[dataColumn]?.trimStart().startsWith("{"))
  ) {
    return "pd-rest-json";
  }
  if (
    headers.some((header) => INSIGHTS_ID_HEADER.test(header)) ||
    createInsightsCsvMapper(headers, headerOnly).ok
  ) {
    return "pd-insights-csv";
  }
  if (createShiftsCsvMapper(headers, headerOnly).ok) return "shifts-csv";

  const listed = headers.slice(0, MAX_HEADERS_LISTED).join(", ");
  const more = headers.length > MAX_HEADERS_LISTED ? `, … (${headers.length} columns)` : "";
  return {
    error: `${fileName} is a CSV Fairshift does not recognise (headers: ${listed}${more}). Describe its columns in a mapping file and pass --mapping FILE (see docs/data-sources.md).`,
  };
}

/** Why the text cannot be a text export, or null when it can. */
function binaryProblemOf(head: string): string | null {
  if (head.startsWith("PK\u0003\u0004")) {
    return "is a ZIP archive (an Excel .xlsx is one): unzip it, or save the sheet as CSV, and import that.";
  }
  if (head.startsWith("\u001f\uFFFD"))
    return "is gzip-compressed: gunzip it and import the result.";
  const sample = head.slice(0, 4096);
  if (sample.includes("\u0000")) {
    return sample.startsWith("\uFFFD\uFFFD") || isUtf16LittleEndian(sample)
      ? "is UTF-16 text: save it as UTF-8 (Excel: CSV UTF-8) and import that."
      : "is a binary file, not a PagerDuty export (JSON, CSV or iCal).";
  }
  const replacements = sample.split("\uFFFD").length - 1;
  if (replacements > sample.length / 10) {
    return "is not UTF-8 text (a binary file, or text in another encoding): save it as UTF-8 and import that.";
  }
  return null;
}

/** ASCII text saved as UTF-16 LE without a byte-order mark: every other character is NUL. */
function isUtf16LittleEndian(sample: string): boolean {
  return sample[1] === "\u0000" && sample[3] === "\u0000";
}
