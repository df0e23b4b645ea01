/** For tests: CSV text → headers and rows, the way the file reader hands them to a row mapper. */
import Papa from "papaparse";

export function parseCsv(text: string): { headers: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(parsed.errors.map((error) => error.message).join("; "));
  return { headers: parsed.meta.fields ?? [], rows: parsed.data };
}
