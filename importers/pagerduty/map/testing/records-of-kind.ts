/** For tests: the records of one kind, typed as that kind. */
import type { ImportRecord, ImportRecordKind } from "../../records";

export function recordsOfKind<K extends ImportRecordKind>(
  records: readonly ImportRecord[],
  kind: K,
): Array<Extract<ImportRecord, { kind: K }>> {
  return records.filter(
    (record): record is Extract<ImportRecord, { kind: K }> => record.kind === kind,
  );
}

/** The only record of a kind; throws when there is not exactly one. */
export function onlyRecordOfKind<K extends ImportRecordKind>(
  records: readonly ImportRecord[],
  kind: K,
): Extract<ImportRecord, { kind: K }> {
  const found = recordsOfKind(records, kind);
  const [record] = found;
  if (found.length !== 1 || !record) throw new Error(`expected one ${kind}, got ${found.length}`);
  return record;
}
