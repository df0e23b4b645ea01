import type { ImportRecord } from "../records";

/** Where a REST object came from, which decides how it is read. */
export interface RestObjectContext {
  /**
   * The key of the array (or object) it came from: `incidents`, `log_entries`, `oncalls`, `users`,
   * `services`, `teams`, `schedules`, `escalation_policies`, `data` (Analytics rows), a singular
   * key such as `incident`, or null for a bare entity whose kind is read from `type` or its shape.
   */
  resourceKey: string | null;
  /** The Analytics page's `time_zone` or the --tz option: only for timestamps without an offset. */
  timeZone: string | null;
}

/**
 * What one object maps to. An object can give records and rejections at once: an incident whose
 * embedded log entries are partly unreadable, or an incident imported without a field that could
 * not be read (the rejection says which).
 */
export interface MappedObject {
  records: ImportRecord[];
  /** Actionable reasons, each naming the object and field: `incident Q123: created_at "abc" is not a timestamp`. */
  rejections: string[];
}

export function mappedRecords(records: ImportRecord[], rejections: string[] = []): MappedObject {
  return { records, rejections };
}

export function rejectedObject(reason: string): MappedObject {
  return { records: [], rejections: [reason] };
}

export function combineMapped(parts: MappedObject[]): MappedObject {
  return {
    records: parts.flatMap((part) => part.records),
    rejections: parts.flatMap((part) => part.rejections),
  };
}
