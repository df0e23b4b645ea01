import { describe, expect, it } from "vitest";
import { dashboardQueryString } from "./dashboard-filters";
import {
  incidentListParams,
  incidentListQuerySchema,
  readIncidentListFilters,
  updateIncidentRequestSchema,
} from "./incident-requests";

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("incidentListQuerySchema", () => {
  it("reads the range in tz and the list's own filters", () => {
    const query = incidentListQuerySchema.parse({
      from: "2026-07-01",
      to: "2026-10-01",
      tz: "Europe/Stockholm",
      team: "Payments",
      status: "resolved",
      source: "customer",
      q: "  #42 ",
      page: "3",
    });
    expect(query.range.start.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(query.range.end.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(query).toMatchObject({
      team: "Payments",
      status: "resolved",
      source: "customer",
      q: "#42",
      page: 3,
    });
  });

  it("reads blank filters as unset and defaults to page 1", () => {
    const query = incidentListQuerySchema.parse({
      from: "2026-07-01",
      to: "2026-10-01",
      status: "",
      source: " ",
      q: "",
    });
    expect(query.status).toBeUndefined();
    expect(query.source).toBeUndefined();
    expect(query.q).toBeUndefined();
    expect(query.page).toBe(1);
  });

  it("refuses an unknown status or source and a page that is not a whole number from 1", () => {
    const result = incidentListQuerySchema.safeParse({
      from: "2026-07-01",
      to: "2026-10-01",
      status: "open",
      source: "pager",
      page: "0",
    });
    expect(messagesOf(result)).toEqual([
      "status must be triggered, acknowledged or resolved.",
      "source must be one of monitoring, customer, staff, unknown, test.",
      "page must be a whole number from 1.",
    ]);
    expect(
      messagesOf(
        incidentListQuerySchema.safeParse({ from: "2026-07-01", to: "2026-10-01", page: "x" }),
      ),
    ).toEqual(["page must be a whole number from 1."]);
  });
});

describe("readIncidentListFilters", () => {
  it("keeps what it can read and drops the rest", () => {
    expect(
      readIncidentListFilters({ status: "acknowledged", source: "nope", q: " db ", page: "2" }),
    ).toEqual({ status: "acknowledged", q: "db", page: 2 });
    expect(readIncidentListFilters(new URLSearchParams("page=-4&status=open"))).toEqual({
      page: 1,
    });
  });

  it("round-trips through the query string, page 1 left out", () => {
    const filters = { status: "triggered", source: "test", q: "disk full", page: 4 } as const;
    const query = dashboardQueryString(
      { from: "2026-07-01", to: "2026-10-01", tz: "UTC" },
      incidentListParams(filters),
    );
    expect(query).toBe(
      "from=2026-07-01&to=2026-10-01&tz=UTC&status=triggered&source=test&q=disk+full&page=4",
    );
    expect(readIncidentListFilters(new URLSearchParams(query))).toEqual(filters);
    expect(incidentListParams({ page: 1 }).page).toBeUndefined();
  });
});

describe("updateIncidentRequestSchema", () => {
  it("reads an instant with Z or an offset, and null as clearing", () => {
    expect(
      updateIncidentRequestSchema.parse({
        startedAt: "2026-07-02T11:30:00+02:00",
        detectionOverride: "customer",
      }),
    ).toEqual({ startedAt: new Date("2026-07-02T09:30:00Z"), detectionOverride: "customer" });
    expect(updateIncidentRequestSchema.parse({ startedAt: null })).toEqual({
      startedAt: null,
      detectionOverride: undefined,
    });
    expect(updateIncidentRequestSchema.parse({ detectionOverride: null })).toEqual({
      startedAt: undefined,
      detectionOverride: null,
    });
  });

  it("says what is wrong with a body it refuses", () => {
    expect(messagesOf(updateIncidentRequestSchema.safeParse({ startedAt: "yesterday" }))).toEqual([
      "startedAt must be an ISO 8601 instant such as 2026-07-02T09:30:00Z (or null to clear it).",
    ]);
    // A local time without a zone is ambiguous: the client converts from the viewer's zone.
    expect(
      updateIncidentRequestSchema.safeParse({ startedAt: "2026-07-02T09:30:00" }).success,
    ).toBe(false);
    expect(
      messagesOf(updateIncidentRequestSchema.safeParse({ detectionOverride: "pager" })),
    ).toEqual([
      "detectionOverride must be one of monitoring, customer, staff, unknown, test (or null for no override).",
    ]);
    expect(messagesOf(updateIncidentRequestSchema.safeParse({}))).toEqual([
      "Nothing to change: send startedAt and/or detectionOverride.",
    ]);
    expect(messagesOf(updateIncidentRequestSchema.safeParse({ title: "x" }))).toEqual([
      "Only startedAt and detectionOverride can be changed (got title).",
    ]);
    expect(messagesOf(updateIncidentRequestSchema.safeParse([]))).toEqual([
      'Send a JSON object such as {"startedAt": "2026-07-02T09:30:00Z", "detectionOverride": "customer"}.',
    ]);
  });
});
