import { afterEach, describe, expect, it } from "vitest";
import { generateFakeAccount } from "./fake-pagerduty-account";
import { type FakePagerDutyServer, startFakePagerDutyServer } from "./fake-pagerduty-server";
import { createPagerDutyClient } from "./pagerduty-client";
import { listPages, listWindow, type WindowedListing, type WindowedPage } from "./paginate";
import { canHalve, halve, splitIntoWindows } from "./time-windows";
import { createVirtualClock } from "./virtual-clock";

const start = Date.parse("2026-05-01T00:00:00Z");
const end = Date.parse("2026-05-11T00:00:00Z");
const account = generateFakeAccount({
  seed: 11,
  incidents: 300,
  start: new Date(start),
  end: new Date(end),
});
const paging = { limit: 100, maxOffset: 500 };
const LOG_ENTRIES: WindowedListing = {
  path: "/log_entries",
  itemsKey: "log_entries",
  query: { "include[]": ["channels"] },
  identify: (item) => String((item as { id: string }).id),
};

let server: FakePagerDutyServer | undefined;
afterEach(() => server?.close());

async function listAll(options: { ignoreTotalParameter: boolean }) {
  server = await startFakePagerDutyServer({ account, maxOffset: paging.maxOffset, ...options });
  const clock = createVirtualClock();
  const client = createPagerDutyClient({
    token: "t0k3n",
    baseUrl: server.url,
    clock: clock.now,
    sleep: clock.sleep,
  });
  const pages: WindowedPage[] = [];
  for await (const page of listWindow(client, LOG_ENTRIES, { since: start, until: end }, 0, {
    paging,
  })) {
    pages.push(page);
  }
  return {
    pages,
    ids: pages.flatMap((page) => page.items.map(LOG_ENTRIES.identify)),
    log: server.requestLog,
  };
}

describe("time windows", () => {
  it("cuts a range into windows of at most the given length", () => {
    const day = 86_400_000;
    expect(splitIntoWindows({ since: 0, until: 10 * day }, 4 * day)).toEqual([
      { since: 0, until: 4 * day },
      { since: 4 * day, until: 8 * day },
      { since: 8 * day, until: 10 * day },
    ]);
  });

  it("halves on whole seconds and stops at two seconds", () => {
    expect(halve({ since: 0, until: 3_000 })).toEqual([
      { since: 0, until: 1_000 },
      { since: 1_000, until: 3_000 },
    ]);
    expect(canHalve({ since: 0, until: 2_000 })).toBe(true);
    expect(canHalve({ since: 0, until: 1_999 })).toBe(false);
  });
});

describe("listWindow", () => {
  it("splits a window over the offset ceiling before listing it, so each entry comes once", async () => {
    const { pages, ids, log } = await listAll({ ignoreTotalParameter: false });
    expect(ids).toHaveLength(account.log_entries.length);
    expect(new Set(ids).size).toBe(account.log_entries.length);
    expect(log.every((request) => request.status === 200)).toBe(true);
    // Windows come oldest first and never overlap.
    const windows = pages.filter((page) => page.windowDone).map((page) => page.window);
    for (const [index, window] of windows.entries()) {
      expect(window.since).toBe(index === 0 ? start : windows[index - 1]?.until);
    }
    expect(windows.at(-1)?.until).toBe(end);
  });

  it("falls back to halving at the ceiling when the server leaves total null, skipping what it listed", async () => {
    const { ids, log } = await listAll({ ignoreTotalParameter: true });
    expect(ids).toHaveLength(account.log_entries.length);
    expect(new Set(ids).size).toBe(account.log_entries.length);
    expect(log.every((request) => request.status === 200)).toBe(true);
    expect(
      log.every(
        (request) =>
          !/offset=(\d+)/.test(request.query) ||
          Number(/offset=(\d+)/.exec(request.query)?.[1]) + 100 <= 500,
      ),
    ).toBe(true);
  });

  it("resumes a window from an offset", async () => {
    server = await startFakePagerDutyServer({ account });
    const client = createPagerDutyClient({ token: "t0k3n", baseUrl: server.url });
    const window = { since: start, until: start + 86_400_000 };
    const inWindow = account.log_entries.filter(
      (entry) => Date.parse(entry.created_at) < window.until,
    );
    const pages: WindowedPage[] = [];
    for await (const page of listWindow(client, LOG_ENTRIES, window, 100, {
      paging: { limit: 100, maxOffset: 10_000 },
    })) {
      pages.push(page);
    }
    expect(pages.flatMap((page) => page.items)).toHaveLength(inWindow.length - 100);
    expect(pages.at(-1)).toMatchObject({ windowDone: true, nextOffset: inWindow.length });
  });

  it("lists an unwindowed resource page by page", async () => {
    server = await startFakePagerDutyServer({ account });
    const client = createPagerDutyClient({ token: "t0k3n", baseUrl: server.url });
    const pages: unknown[][] = [];
    for await (const items of listPages(
      client,
      "/users",
      "users",
      {},
      { paging: { limit: 5, maxOffset: 10_000 } },
    )) {
      pages.push(items);
    }
    expect(pages.map((items) => items.length)).toEqual([5, 5, 2]);
  });
});
