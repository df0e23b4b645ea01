/**
 * One import file → records and rejected rows, streamed: the format's reader (JSON scanner, CSV
 * rows, iCal events) feeds the mappers one object or row at a time. A file that is not what its
 * format says (bad JSON, a CSV header that fits no mapper) throws a FileFormatError so the import
 * writes nothing; a bad row or object becomes a rejection with its line and text, and the rest of
 * the file is still read.
 */
import type { ColumnMapping } from "@/importers/pagerduty/map/csv/column-mapping";
import type { CsvMapperFactory } from "@/importers/pagerduty/map/csv/csv-format";
import { createInsightsCsvMapper } from "@/importers/pagerduty/map/csv/insights-csv";
import { createLegacyCsvMapper } from "@/importers/pagerduty/map/csv/legacy-csv";
import { createMappedCsvMapper } from "@/importers/pagerduty/map/csv/mapped-csv";
import { createShiftsCsvMapper } from "@/importers/pagerduty/map/csv/shifts-csv";
import { type MappedObject, mapRestObject } from "@/importers/pagerduty/map/map-rest-object";
import type { ImportRecord, MapResult, ReadItem } from "@/importers/pagerduty/records";
import { readCsvRows } from "@/importers/shared/csv-rows";
import { FileFormatError } from "@/importers/shared/file-format-error";
import { readJsonRecords } from "@/importers/shared/json-values";
import type { FileFormat } from "./detect-format";
import { readIcalShifts } from "./ical";

export interface ReadFileOptions {
  /** Zone for timestamps without an offset (Analytics rows without `time_zone`, CSVs, iCal); --tz. */
  timeZone: string | null;
  /** The column mapping of a mapped CSV (--mapping FILE). */
  mapping?: ColumnMapping;
}

/** A rejected object or row keeps this much of its text: enough to find and fix it. */
const MAX_RAW_CHARS = 10_000;

const CSV_MAPPERS: Record<
  "pd-insights-csv" | "pd-legacy-csv" | "mapped-csv" | "shifts-csv",
  CsvMapperFactory
> = {
  "pd-insights-csv": createInsightsCsvMapper,
  "pd-legacy-csv": createLegacyCsvMapper,
  "mapped-csv": createMappedCsvMapper,
  "shifts-csv": createShiftsCsvMapper,
};

export async function* readImportFile(
  input: AsyncIterable<Buffer | string>,
  format: FileFormat,
  options: ReadFileOptions,
): AsyncGenerator<ReadItem> {
  switch (format) {
    case "pd-rest-json":
      yield* readRestJson(input, options);
      return;
    case "ical":
      yield* readIcalShifts(input, { timeZone: options.timeZone });
      return;
    case "webhook-events":
      // Replayed through the webhook applier, not read into records (see import-files.ts).
      throw new FileFormatError(
        "webhook bodies are replayed with `fairshift import --format webhook-events`, not read as records",
      );
    default:
      yield* readCsvFile(input, CSV_MAPPERS[format], options);
  }
}

/** REST JSON in any of its shapes, or DevLake's raw CSV table that holds REST objects as JSON. */
async function* readRestJson(
  input: AsyncIterable<Buffer | string>,
  options: ReadFileOptions,
): AsyncGenerator<ReadItem> {
  const { firstCharacter, chunks } = await peekFirstCharacter(input);
  if (firstCharacter === null) return;
  if (firstCharacter === "{" || firstCharacter === "[") {
    for await (const { value, resourceKey, timeZone, line } of readJsonRecords(chunks)) {
      const mapped = mapRestObject(value, { resourceKey, timeZone: timeZone ?? options.timeZone });
      yield* itemsOf(mapped, line, () => JSON.stringify(value));
    }
    return;
  }
  yield* readDevLakeCsv(chunks, options);
}

async function* readDevLakeCsv(
  input: AsyncIterable<Buffer | string>,
  options: ReadFileOptions,
): AsyncGenerator<ReadItem> {
  for await (const row of readCsvRows(input)) {
    if (row.type === "header") {
      if (!row.headers.includes("data")) {
        throw new FileFormatError(
          `a CSV read as REST JSON needs a "data" column holding one PagerDuty object per row (as in DevLake's raw tables); this one has: ${row.headers.join(", ")}`,
        );
      }
      continue;
    }
    if (row.type === "malformed") {
      yield rejection(row.line, row.reason, row.raw);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(row.cells.data ?? "");
    } catch (error) {
      yield rejection(row.line, `data: not valid JSON (${(error as Error).message})`, row.raw);
      continue;
    }
    const mapped = mapRestObject(value, { resourceKey: null, timeZone: options.timeZone });
    yield* itemsOf(mapped, row.line, () => row.raw);
  }
}

async function* readCsvFile(
  input: AsyncIterable<Buffer | string>,
  createMapper: CsvMapperFactory,
  options: ReadFileOptions,
): AsyncGenerator<ReadItem> {
  let mapRow: ((cells: Record<string, string>) => MapResult<ImportRecord[]>) | null = null;
  for await (const row of readCsvRows(input)) {
    if (row.type === "header") {
      const mapper = createMapper(row.headers, {
        timeZone: options.timeZone,
        ...(options.mapping ? { mapping: options.mapping } : {}),
      });
      if (!mapper.ok) throw new FileFormatError(mapper.reason);
      mapRow = mapper.mapRow;
      continue;
    }
    if (row.type === "malformed") {
      yield rejection(row.line, row.reason, row.raw);
      continue;
    }
    if (mapRow === null) throw new Error("readCsvRows yields the header first");
    const mapped = mapRow(row.cells);
    if (!mapped.ok) {
      yield rejection(row.line, mapped.reason, row.raw);
      continue;
    }
    for (const record of mapped.value) yield { type: "record", record, origin: { line: row.line } };
  }
}

function* itemsOf(mapped: MappedObject, line: number, rawText: () => string): Generator<ReadItem> {
  for (const record of mapped.records) yield { type: "record", record, origin: { line } };
  if (mapped.rejections.length === 0) return;
  const raw = rawText();
  for (const reason of mapped.rejections) yield rejection(line, reason, raw);
}

function rejection(line: number, reason: string, raw: string): ReadItem {
  const kept = raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}…` : raw;
  return { type: "rejection", rejection: { line, reason, raw: kept } };
}

/**
 * The file's first character after a byte-order mark and white space (null for an empty file),
 * and the file's chunks again from the start: JSON and DevLake's CSV are told apart by it.
 */
async function peekFirstCharacter(
  input: AsyncIterable<Buffer | string>,
): Promise<{ firstCharacter: string | null; chunks: AsyncIterable<Buffer | string> }> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Array<Buffer | string> = [];
  let firstCharacter: string | null = null;
  let isDone = false;
  while (firstCharacter === null) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    seen.push(next.value);
    // The first character of a JSON or CSV file is ASCII, so one byte tells; the byte-order mark
    // is skipped as bytes or as a character.
    const text = typeof next.value === "string" ? next.value : next.value.toString("latin1");
    const match = /[^\s\uFEFF\u00EF\u00BB\u00BF]/.exec(text);
    if (match) firstCharacter = match[0];
  }
  async function* replay(): AsyncGenerator<Buffer | string> {
    yield* seen;
    if (isDone) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value;
    }
  }
  return { firstCharacter, chunks: replay() };
}
