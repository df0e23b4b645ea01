/**
 * Log entry types. PagerDuty writes `<verb>_log_entry`, and `<verb>_log_entry_reference` where an
 * object only points at one (an incident's `first_trigger_log_entry`).
 */

export const TRIGGER_LOG_ENTRY = "trigger_log_entry";
export const NOTIFY_LOG_ENTRY = "notify_log_entry";
export const ACKNOWLEDGE_LOG_ENTRY = "acknowledge_log_entry";
export const ASSIGN_LOG_ENTRY = "assign_log_entry";
export const RESOLVE_LOG_ENTRY = "resolve_log_entry";

/** "trigger_log_entry_reference" → "trigger_log_entry"; other types unchanged. */
export function logEntryType(type: string): string {
  return type.trim().replace(/_reference$/, "");
}

/** True for `<verb>_log_entry` and `<verb>_log_entry_reference`. */
export function isLogEntryType(type: unknown): type is string {
  return typeof type === "string" && /^[a-z_]+_log_entry(?:_reference)?$/.test(type.trim());
}
