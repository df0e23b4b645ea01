import { Prisma } from "@/prisma/generated/client/client";
import type { SqlClient } from "./sql-client";

export type RowValue = string | number | boolean | null;

/** One column of a batch: its name in the statement, its PostgreSQL type and one value per row. */
export interface RowColumn {
  name: string;
  type: "text" | "int4" | "bool" | "timestamptz" | "jsonb";
  values: readonly RowValue[];
}

/**
 * Below this many rows a batch is sent as arrays: a staged COPY costs three more round trips,
 * which a REST page of 100 objects or a webhook does not win back.
 */
export const COPY_MIN_ROWS = 200;

/**
 * The rows of a batch as the `FROM` of an `INSERT … SELECT`, aliased `u` with the columns' names.
 *
 * On a pg connection (the file import, the REST sync), a large batch is COPYed into a temporary
 * table (`name`, dropped at commit) and read from there. Otherwise it is `unnest` of one array
 * parameter per column. Both give the same rows; COPY is what makes the file import fast: for
 * 250,000 log entries PostgreSQL spent 30 s parsing the array parameters (every JSON payload
 * escaped inside an array literal) and upserting them, against 4 s to COPY them into the
 * temporary table and 9 s to upsert from it (docs/benchmarks.md › File import).
 */
export async function rowSource(
  sql: SqlClient,
  name: string,
  columns: readonly RowColumn[],
): Promise<Prisma.Sql> {
  const rows = columns[0]?.values.length ?? 0;
  const names = Prisma.raw(columns.map((column) => column.name).join(", "));
  if (sql.copyFrom === undefined || rows < COPY_MIN_ROWS) {
    const arrays = columns.map(
      (column) => Prisma.sql`${column.values}::${Prisma.raw(column.type)}[]`,
    );
    return Prisma.sql`unnest(${Prisma.join(arrays)}) AS u(${names})`;
  }
  const definition = columns.map((column) => `${column.name} ${column.type}`).join(", ");
  await sql.$executeRaw(
    Prisma.sql`CREATE TEMPORARY TABLE IF NOT EXISTS ${Prisma.raw(name)} (${Prisma.raw(definition)}) ON COMMIT DROP`,
  );
  await sql.$executeRaw(Prisma.sql`TRUNCATE ${Prisma.raw(name)}`);
  await sql.copyFrom(
    `COPY ${name} (${columns.map((column) => column.name).join(", ")}) FROM STDIN`,
    copyText(columns, rows),
  );
  return Prisma.sql`${Prisma.raw(name)} AS u`;
}

/** Rows per piece of COPY text: the batch is sent in pieces, never held as one string. */
const COPY_PIECE_ROWS = 500;

/**
 * The rows in COPY's text format (a row per line, tab-separated, `\N` for null, backslash
 * escapes), in pieces of COPY_PIECE_ROWS rows made as the connection takes them.
 */
export function* copyText(columns: readonly RowColumn[], rows: number): Generator<string> {
  const last = columns.length - 1;
  for (let start = 0; start < rows; start += COPY_PIECE_ROWS) {
    let piece = "";
    for (let row = start; row < Math.min(rows, start + COPY_PIECE_ROWS); row += 1) {
      for (let index = 0; index <= last; index += 1) {
        piece += copyField(columns[index]?.values[row] ?? null);
        piece += index === last ? "\n" : "\t";
      }
    }
    yield piece;
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

function copyField(value: RowValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return COPY_SPECIAL.test(value)
    ? value.replace(COPY_SPECIALS, (character) => COPY_ESCAPES[character] ?? character)
    : value;
}
