/**
 * Interruptions (PRODUCT.md › Definitions › Interruption, PagerDuty-compatible): a phone, SMS or
 * push page (email never counts); pages to the same person within 60 s of the first page of an
 * interruption belong to it; classified by band at its first page.
 */
import { type Instant, toEpochMilliseconds } from "./calendar-dates";
import { classifyInstant, type HourBand, type PersonCalendar } from "./time-bands";

export type PageChannel = "phone" | "sms" | "push" | "email" | "other";

/** One notification to one person (a PagerDuty `notify_log_entry`). */
export interface Page {
  at: Instant;
  channel: PageChannel;
  incidentId: number;
  isTestIncident: boolean;
}

export interface Interruption {
  /** The first page. */
  start: Date;
  /** The last page grouped in (at most the grouping window after `start`). */
  lastPageAt: Date;
  pages: number;
  /** Distinct incidents paged, ascending. */
  incidentIds: number[];
  /** Band at the first page. */
  band: HourBand;
  isWeekend: boolean;
  isHoliday: boolean;
  /** Local hour and ISO weekday at the first page (for the hour × weekday heatmap). */
  localHour: number;
  isoWeekday: number;
}

/**
 * Pages this long after an interruption's first page still belong to it. PagerDuty's wording is
 * "within 60 seconds", so a page exactly 60 s after the first joins it and one at 60.001 s does
 * not. The window runs from the first page, not the latest: a burst of pages 50 s apart makes
 * several interruptions, matching PagerDuty Analytics' counts.
 */
export const DEFAULT_INTERRUPTION_WINDOW_MS = 60_000;

/**
 * Channels that interrupt. Email never does (PRODUCT.md). "other" (a channel PagerDuty added
 * later or an importer could not name) is left out too: counting an unknown channel as an
 * interruption would inflate off-hours load on a guess.
 */
export const DEFAULT_INTERRUPTING_CHANNELS: readonly PageChannel[] = ["phone", "sms", "push"];

export interface InterruptionOptions {
  windowMs?: number;
  interruptingChannels?: readonly PageChannel[];
}

/** Pages that can interrupt: on an interrupting channel and not of a test incident. */
export function interruptingPages(
  pages: readonly Page[],
  channels: readonly PageChannel[] = DEFAULT_INTERRUPTING_CHANNELS,
): Page[] {
  return pages.filter((page) => !page.isTestIncident && channels.includes(page.channel));
}

/**
 * One person's interruptions from their pages (PRODUCT.md › Interruption), oldest first. Email
 * (and "other") pages and pages of test incidents are left out; a page within `windowMs`
 * (inclusive) of an interruption's first page joins it. The order of `pages` does not matter.
 */
export function buildInterruptions(
  pages: readonly Page[],
  calendar: PersonCalendar,
  options: InterruptionOptions = {},
): Interruption[] {
  const windowMs = options.windowMs ?? DEFAULT_INTERRUPTION_WINDOW_MS;
  const sorted = interruptingPages(pages, options.interruptingChannels)
    .map((page) => ({ at: toEpochMilliseconds(page.at), incidentId: page.incidentId }))
    .sort((a, b) => a.at - b.at);

  const groups: Array<{ start: number; last: number; pages: number; incidentIds: Set<number> }> =
    [];
  for (const page of sorted) {
    const current = groups.at(-1);
    if (current && page.at - current.start <= windowMs) {
      current.last = page.at;
      current.pages += 1;
      current.incidentIds.add(page.incidentId);
    } else {
      groups.push({
        start: page.at,
        last: page.at,
        pages: 1,
        incidentIds: new Set([page.incidentId]),
      });
    }
  }

  return groups.map((group) => {
    const { band, isWeekend, isHoliday, localHour, isoWeekday } = classifyInstant(
      group.start,
      calendar,
    );
    return {
      start: new Date(group.start),
      lastPageAt: new Date(group.last),
      pages: group.pages,
      incidentIds: [...group.incidentIds].sort((a, b) => a - b),
      band,
      isWeekend,
      isHoliday,
      localHour,
      isoWeekday,
    };
  });
}
