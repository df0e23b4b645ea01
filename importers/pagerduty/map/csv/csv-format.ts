/** The shape every CSV row mapper shares, so the file reader can try each format in turn. */
import type { ImportRecord, MapResult } from "../../records";
import type { ColumnMapping } from "./column-mapping";
import type { CsvRow } from "./csv-cells";

export type { CsvRow } from "./csv-cells";

export interface CsvMapperOptions {
  /** The zone of timestamps without an offset (--tz); null = such cells are rejected. */
  timeZone: string | null;
  mapping?: ColumnMapping;
}

export type CsvRowMapper = (row: CsvRow) => MapResult<ImportRecord[]>;

/** `ok: false` = this is not a file of that format; the reason lists the missing columns. */
export type CsvMapperFactoryResult =
  | { ok: true; mapRow: CsvRowMapper }
  | { ok: false; reason: string };

export type CsvMapperFactory = (
  headers: string[],
  options: CsvMapperOptions,
) => CsvMapperFactoryResult;
