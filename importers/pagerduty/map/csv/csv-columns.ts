/** Finding columns by header, whatever the case, spacing, underscores or BOM. */

/** A column of the file: `key` is the header exactly as in the file (the row's key), `label` is how reasons name it. */
export interface CsvColumn {
  key: string;
  label: string;
}

/** "\uFEFFSeconds_to_First Ack " → "seconds to first ack"; "TTA (seconds)" → "tta seconds". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A finder over the file's headers: the first of `names` (in any spelling) the file has. */
export function createColumnFinder(
  headers: readonly string[],
): (names: readonly string[]) => CsvColumn | null {
  const byName = new Map<string, CsvColumn>();
  for (const header of headers) {
    const name = normaliseHeader(header);
    if (name !== "" && !byName.has(name)) {
      byName.set(name, { key: header, label: header.replace(/^\uFEFF/, "").trim() });
    }
  }
  return (names) => {
    for (const name of names) {
      const column = byName.get(normaliseHeader(name));
      if (column) return column;
    }
    return null;
  };
}

/** The headers a file has, for "found: …" in a wrong-file reason. */
export function describeHeaders(headers: readonly string[]): string {
  const labels = headers.map((header) => header.replace(/^\uFEFF/, "").trim()).filter(Boolean);
  const shown = labels.slice(0, 12).join(", ");
  return labels.length > 12 ? `${shown}, … (${labels.length} columns)` : shown || "no headers";
}
