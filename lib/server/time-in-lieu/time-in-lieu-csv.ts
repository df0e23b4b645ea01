import Papa from "papaparse";
import type { TimeInLieuExportRow } from "./list-time-in-lieu-export";

/** The payroll file's columns, in order: header → value of a row. */
const COLUMNS: Record<string, (row: TimeInLieuExportRow) => string | number | null> = {
  person: (row) => row.person,
  email: (row) => row.email,
  pagerduty_id: (row) => row.pagerdutyId,
  teams: (row) => row.teams.join("; "),
  owed_at_start_hours: (row) => row.openingHours,
  accrued_hours: (row) => row.accruedHours,
  adjusted_hours: (row) => row.adjustedHours,
  approved_claims_hours: (row) => row.claimedHours,
  expired_hours: (row) => row.expiredHours,
  owed_at_end_hours: (row) => row.closingHours,
  pending_claims_at_end_hours: (row) => row.pendingClaimHours,
};

/**
 * The export as CSV, one row per person. Text cells that a spreadsheet would run as a formula
 * (a name starting with "=") are prefixed with a quote; numbers are written as numbers.
 */
export function timeInLieuExportCsv(rows: readonly TimeInLieuExportRow[]): string {
  const fields = Object.keys(COLUMNS);
  const data = rows.map((row) => Object.values(COLUMNS).map((value) => value(row) ?? ""));
  return `${Papa.unparse({ fields, data }, { newline: "\n", escapeFormulae: true })}\n`;
}
