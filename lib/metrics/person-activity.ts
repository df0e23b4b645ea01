/**
 * One person's pages turned into what every person-level number is built from: interruptions,
 * call-outs with their ends (as time in lieu and rest use them) and rest breaches. The report,
 * the time-in-lieu accrual job and the person screen all start here, so they cannot disagree.
 */
import { type Instant, toEpochMilliseconds } from "./calendar-dates";
import { buildCallOuts, type CallOut, callOutEndAt } from "./call-outs";
import {
  buildInterruptions,
  type Interruption,
  type Page,
  type PageChannel,
} from "./interruptions";
import { findRestBreach, type RestBreach, type RestSettings } from "./rest-breaches";
import type { PersonCalendar } from "./time-bands";

/** A page with what its incident says about the work it caused. */
export interface ActivityPage extends Page {
  /** The incident's resolve; null while it is open. */
  incidentResolvedAt: Instant | null;
}

export interface ActivitySettings {
  interruptionWindowMs: number;
  interruptingChannels: readonly PageChannel[];
  callOutChainWindowMs: number;
  callOutMaxDurationMs: number;
  rest: RestSettings;
}

export interface CallOutActivity extends CallOut {
  /** Last resolve of its incidents; null while any of them is open. */
  lastResolveAt: Date | null;
  /** Later of last page and last resolve, capped (PRODUCT.md › Time in lieu, Rest). */
  endAt: Date;
  restBreach: RestBreach | null;
}

export interface PersonActivity {
  interruptions: Interruption[];
  callOuts: CallOutActivity[];
}

/** The latest resolve among the incidents, and whether every one of them is resolved. */
function resolvesOf(incidentIds: readonly number[], resolvedAt: Map<number, number | null>) {
  let latest: number | null = null;
  let allResolved = true;
  for (const id of incidentIds) {
    const resolved = resolvedAt.get(id) ?? null;
    if (resolved === null) allResolved = false;
    else if (latest === null || resolved > latest) latest = resolved;
  }
  return { latest, allResolved };
}

/**
 * Interruptions and call-outs of one person, oldest first. Pass every page of the person from at
 * least one call-out chain window before the period of interest, so a call-out that began just
 * before it is not cut in two.
 */
export function analysePersonActivity(
  pages: readonly ActivityPage[],
  calendar: PersonCalendar,
  settings: ActivitySettings,
): PersonActivity {
  const resolvedAt = new Map<number, number | null>();
  for (const page of pages) {
    const resolved = page.incidentResolvedAt;
    resolvedAt.set(page.incidentId, resolved === null ? null : toEpochMilliseconds(resolved));
  }

  const interruptions = buildInterruptions(pages, calendar, {
    windowMs: settings.interruptionWindowMs,
    interruptingChannels: settings.interruptingChannels,
  });
  const callOuts = buildCallOuts(interruptions, {
    chainWindowMs: settings.callOutChainWindowMs,
  }).map((callOut): CallOutActivity => {
    const { latest, allResolved } = resolvesOf(callOut.incidentIds, resolvedAt);
    // While an incident is open its work is not known: the call-out ends at the latest resolve
    // (or last page) seen so far, and time in lieu accrues its minimum until everything resolves.
    const endAt = callOutEndAt(callOut, latest, settings.callOutMaxDurationMs);
    return {
      ...callOut,
      lastResolveAt: allResolved && latest !== null ? new Date(latest) : null,
      endAt,
      restBreach: findRestBreach(callOut, endAt, calendar, settings.rest),
    };
  });
  return { interruptions, callOuts };
}
