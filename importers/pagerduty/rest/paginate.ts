/**
 * PagerDuty's classic offset paging (`offset`, `limit` ≤ 100, `more`; `total` is null unless asked
 * for with `total=true`). PagerDuty refuses any request whose offset + limit passes 10,000
 * ("Offset+limit exceeds maximum allowed value of 10000 … like adding a date range", 400, code
 * 2002), so a time-windowed listing that holds more than that is split in half, recursively, and
 * each half listed on its own.
 */
import type { PagerDutyClient, PagerDutyQuery } from "./pagerduty-client";
import { canHalve, describeWindow, halve, type TimeWindow, toPagerDutyTime } from "./time-windows";

export interface PagingLimits {
  /** Page size; PagerDuty's maximum is 100. */
  limit: number;
  /** The highest offset + limit PagerDuty serves: 10,000. */
  maxOffset: number;
}

export const PAGERDUTY_PAGING: PagingLimits = { limit: 100, maxOffset: 10_000 };

export interface OffsetPage {
  items: unknown[];
  more: boolean;
  total: number | null;
}

export interface ListOptions {
  paging: PagingLimits;
  signal?: AbortSignal;
  /** Called when part of a listing cannot be fetched, with a sentence for the sync summary. */
  onWarning?: (warning: string) => void;
}

export async function fetchPage(
  client: PagerDutyClient,
  path: string,
  itemsKey: string,
  query: PagerDutyQuery,
  signal: AbortSignal | undefined,
): Promise<OffsetPage> {
  const body = await client.get(path, query, { signal });
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const items = record[itemsKey];
  if (!Array.isArray(items)) {
    throw new Error(`PagerDuty's answer to GET ${path} has no "${itemsKey}" list.`);
  }
  return {
    items,
    more: record.more === true,
    total: typeof record.total === "number" ? record.total : null,
  };
}

/** Every page of an unwindowed listing (users, teams, …), as far as PagerDuty's offset ceiling allows. */
export async function* listPages(
  client: PagerDutyClient,
  path: string,
  itemsKey: string,
  query: PagerDutyQuery,
  { paging, signal, onWarning }: ListOptions,
): AsyncGenerator<unknown[]> {
  for (let offset = 0; ; ) {
    if (offset + paging.limit > paging.maxOffset) {
      onWarning?.(
        `${path}: PagerDuty serves only the first ${paging.maxOffset} objects; the rest were left out.`,
      );
      return;
    }
    const page = await fetchPage(
      client,
      path,
      itemsKey,
      { ...query, offset, limit: paging.limit },
      signal,
    );
    yield page.items;
    if (!page.more || page.items.length === 0) return;
    offset += page.items.length;
  }
}

export interface WindowedListing {
  path: string;
  itemsKey: string;
  /** Extra parameters; `since`, `until`, `offset`, `limit` and `total` are set here. */
  query: PagerDutyQuery;
  /** A stable key per object (its id; on-calls have none), to skip objects already listed. */
  identify(item: unknown): string;
}

export interface WindowedPage {
  items: unknown[];
  /** The window this page belongs to; pages come in window order, oldest first. */
  window: TimeWindow;
  /** The offset the next page of this window starts at. */
  nextOffset: number;
  /** True on the window's last page: every object of the window has been listed. */
  windowDone: boolean;
}

/**
 * Pages of one window from `startOffset`. A window's first request asks for `total`: when it is
 * over the ceiling the window is split before anything is listed, so each object is listed once.
 * A server that leaves `total` null is found out only at the ceiling; then the halves are listed
 * whole and the objects already listed here are skipped.
 */
export async function* listWindow(
  client: PagerDutyClient,
  listing: WindowedListing,
  window: TimeWindow,
  startOffset: number,
  options: ListOptions,
  alreadyListed: ReadonlySet<string> = new Set(),
): AsyncGenerator<WindowedPage> {
  const { paging, signal, onWarning } = options;
  const listedHere = new Set<string>();
  let totalKnown = false;
  for (let offset = startOffset; ; ) {
    if (offset + paging.limit > paging.maxOffset) {
      if (!canHalve(window)) {
        onWarning?.(
          `${listing.path}: more than ${paging.maxOffset} objects within ${describeWindow(window)}; only the first ${paging.maxOffset} were fetched.`,
        );
        yield { items: [], window, nextOffset: offset, windowDone: true };
        return;
      }
      const skip = new Set([...alreadyListed, ...listedHere]);
      for (const half of halve(window)) {
        yield* listWindow(client, listing, half, 0, options, skip);
      }
      return;
    }
    const query = {
      ...listing.query,
      since: toPagerDutyTime(window.since),
      until: toPagerDutyTime(window.until),
      offset,
      limit: paging.limit,
      total: offset === 0 ? true : undefined,
    };
    const page = await fetchPage(client, listing.path, listing.itemsKey, query, signal);
    if (offset === 0 && page.total !== null && page.total > paging.maxOffset && canHalve(window)) {
      for (const half of halve(window)) {
        yield* listWindow(client, listing, half, 0, options, alreadyListed);
      }
      return;
    }
    if (offset === 0 && page.total !== null) totalKnown = true;
    const items =
      alreadyListed.size === 0
        ? page.items
        : page.items.filter((item) => !alreadyListed.has(listing.identify(item)));
    // Only a window of unknown size can still reach the ceiling and need to know what it listed.
    if (!totalKnown && page.more)
      for (const item of page.items) listedHere.add(listing.identify(item));
    const windowDone = !page.more || page.items.length === 0;
    offset += page.items.length;
    yield { items, window, nextOffset: offset, windowDone };
    if (windowDone) return;
  }
}
