import { type CsvColumn, describeHeaders } from "./csv-columns";

/**
 * Required columns found, or the wrong-file reason listing the ones missing:
 * `not a PagerDuty Insights CSV: no "Incident ID" or "Created at" column (found: a, b)`.
 */
export function findRequiredColumns<Field extends string>(
  format: string,
  headers: readonly string[],
  required: Record<Field, { display: string; column: CsvColumn | null }>,
): { ok: true; columns: Record<Field, CsvColumn> } | { ok: false; reason: string } {
  const columns = {} as Record<Field, CsvColumn>;
  const missing: string[] = [];
  for (const field of Object.keys(required) as Field[]) {
    const { display, column } = required[field];
    if (column) columns[field] = column;
    else missing.push(`"${display}"`);
  }
  if (missing.length === 0) return { ok: true, columns };
  const list =
    missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} or ${missing.at(-1)}`;
  return {
    ok: false,
    reason: `not ${format}: no ${list} column (found: ${describeHeaders(headers)})`,
  };
}
