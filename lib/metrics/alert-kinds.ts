/**
 * Alert kinds: the title of an alert with its variable parts (numbers, ids, addresses, durations,
 * quoted values) replaced by placeholders, so "Disk 91% full on db-7" and "Disk 93% full on
 * db-12" are one kind, "Disk #% full on db-#". The off-hours alert budget (PRODUCT.md "Noise")
 * counts the distinct kinds — service + kind — that paged out of hours.
 */

const HEX = "[0-9a-f]";
const DURATION_UNIT =
  "(?:ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)";
const IPV6_GROUPS = `${HEX}{1,4}(?::${HEX}{1,4})*`;
const NUMBER = "\\d+(?:[.,]\\d+)*";

// Applied in order: the wider patterns first, so a UUID is not read as numbers and hex, a date as
// a duration, or an IP address as four numbers.
const REPLACEMENTS: [RegExp, string][] = [
  // Quoted values: "…", '…', `…`, “…”, ‘…’. A single quote only opens after a non-word character
  // and closes before one, so the apostrophe in "can't" is left alone.
  [/"[^"]*"|`[^`]*`|“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)/g, "<value>"],
  [new RegExp(`\\b${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}\\b`, "gi"), "<id>"],
  // Dates and times of day, with optional seconds, fractions and offset.
  [
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\b/gi,
    "<time>",
  ],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, "<ip>"],
  // IPv6: at least three groups, or a "::" compression next to a group ("fe80::1", "::1").
  [
    new RegExp(
      `(?<![\\w:])(?:${IPV6_GROUPS}:(?::${IPV6_GROUPS})?|::${IPV6_GROUPS}|(?:${HEX}{1,4}:){2,7}${HEX}{1,4})(?![\\w:])`,
      "gi",
    ),
    "<ip>",
  ],
  // Hex ids: 0x-prefixed, or seven or more hex digits mixing digits and letters (commit
  // hashes, container and instance ids), so plain words such as "deadline" are kept.
  [
    new RegExp(
      `\\b0x${HEX}+\\b|(?<![0-9a-z])(?=${HEX}*\\d)(?=${HEX}*[a-f])${HEX}{7,}(?![0-9a-z])`,
      "gi",
    ),
    "<id>",
  ],
  // Durations, also compound ("1h30m") and with a space ("5 min").
  [
    new RegExp(
      `(?<![\\w.])${NUMBER} ?${DURATION_UNIT}(?:${NUMBER} ?${DURATION_UNIT})*(?![\\w])`,
      "gi",
    ),
    "<duration>",
  ],
  [/(?<![\w.])\d+(?:\.\d+)? ?(?:[kmgtp]i?b|bytes?|b)(?!\w)/gi, "<size>"],
  [new RegExp(`${NUMBER} ?%`, "g"), "#%"],
  [new RegExp(NUMBER, "g"), "#"],
];

/** The kind of an alert: its title with the parts that vary between firings replaced. */
export function alertKind(title: string): string {
  let kind = title;
  for (const [pattern, placeholder] of REPLACEMENTS) kind = kind.replace(pattern, placeholder);
  return kind.replace(/\s+/g, " ").trim();
}

export interface OffHoursAlert {
  serviceId: number | null;
  serviceName: string | null;
  /** The title of the incident behind one off-hours interruption. */
  title: string;
  /** Off-hours interruptions this alert stands for: 1 when absent. */
  interruptions?: number;
}

export interface OffHoursAlertKind {
  serviceId: number | null;
  serviceName: string | null;
  kind: string;
  interruptions: number;
}

export interface OffHoursAlertBudget {
  allowed: number;
  /** Distinct alert kinds (service + kind) that paged out of hours. */
  used: number;
  overBudget: boolean;
  /** Most interruptions first. */
  kinds: OffHoursAlertKind[];
}

/**
 * Off-hours interruptions grouped by alert kind (service + title pattern), in first-seen order.
 * One item is one off-hours interruption, or `interruptions` of them (all firings of one
 * incident at once). `kindOfTitle` remembers each title's kind across calls (firings of one
 * alert share their title, so each distinct title runs the patterns once).
 */
export function groupOffHoursAlerts(
  items: readonly OffHoursAlert[],
  kindOfTitle: Map<string, string> = new Map(),
): OffHoursAlertKind[] {
  const groups = new AlertKindGroups();
  for (const item of items) {
    let kind = kindOfTitle.get(item.title);
    if (kind === undefined) {
      kind = alertKind(item.title);
      kindOfTitle.set(item.title, kind);
    }
    groups.add(item.serviceId, item.serviceName, kind, item.interruptions ?? 1);
  }
  return groups.list();
}

/** Interruptions summed per service and kind, in first-seen order. */
class AlertKindGroups {
  // A service without an id (an import that knew only its name) is told apart by its name.
  private readonly byService = new Map<number | string | null, Map<string, OffHoursAlertKind>>();
  private readonly all: OffHoursAlertKind[] = [];

  add(serviceId: number | null, serviceName: string | null, kind: string, interruptions: number) {
    const serviceKey = serviceId ?? serviceName;
    let kinds = this.byService.get(serviceKey);
    if (kinds === undefined) {
      kinds = new Map();
      this.byService.set(serviceKey, kinds);
    }
    const entry = kinds.get(kind);
    if (entry) {
      entry.interruptions += interruptions;
      return;
    }
    const created = { serviceId, serviceName, kind, interruptions };
    kinds.set(kind, created);
    this.all.push(created);
  }

  list(): OffHoursAlertKind[] {
    return this.all;
  }
}

/**
 * The off-hours alert budget over alert kinds already grouped (several groups of one kind, from
 * several people, add up): the distinct kinds against an allowed count, most interruptions first.
 */
export function offHoursAlertBudgetOfKinds(
  groups: readonly OffHoursAlertKind[],
  allowed: number,
): OffHoursAlertBudget {
  const merged = new AlertKindGroups();
  for (const group of groups) {
    merged.add(group.serviceId, group.serviceName, group.kind, group.interruptions);
  }
  const kinds = merged
    .list()
    .sort(
      (a, b) =>
        b.interruptions - a.interruptions ||
        (a.serviceName ?? "").localeCompare(b.serviceName ?? "") ||
        a.kind.localeCompare(b.kind),
    );
  return { allowed, used: kinds.length, overBudget: kinds.length > allowed, kinds };
}

/** The off-hours alert budget of off-hours interruptions (see `groupOffHoursAlerts`). */
export function offHoursAlertBudget(
  items: readonly OffHoursAlert[],
  allowed: number,
): OffHoursAlertBudget {
  return offHoursAlertBudgetOfKinds(groupOffHoursAlerts(items), allowed);
}
