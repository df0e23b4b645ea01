import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { saveUpload, uploadPath } from "@/lib/server/imports/upload-store";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { peopleTotals } from "@/lib/shared/people-totals";
import type { ApiReport } from "@/lib/shared/report";

/**
 * Every role against every route (issue 7, "Done means"): one small organisation, six viewers,
 * and a table of what each may do. A cell is one named test; its status is the whole answer.
 *
 * The organisation: teams Alpha and Bravo. Ann and Cara are in Alpha, Bob in Bravo; each has a
 * shift and night pages in July 2026. Incidents: one of Alpha, one of Bravo, one of both, and a
 * paging test of Alpha. Ann has an account (linked by e-mail, so an engineer of Alpha).
 */

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

/** Route patterns and their modules; `[segment]` is a path parameter. Add yours here too. */
const ROUTES: Record<string, () => Promise<unknown>> = {
  "/api/catalog": () => import("./catalog/route"),
  "/api/metrics/incidents": () => import("./metrics/incidents/route"),
  "/api/metrics/series": () => import("./metrics/series/route"),
  "/api/metrics/breakdown": () => import("./metrics/breakdown/route"),
  "/api/metrics/interruption-heatmap": () => import("./metrics/interruption-heatmap/route"),
  "/api/metrics/paging-tests": () => import("./metrics/paging-tests/route"),
  "/api/review": () => import("./review/route"),
  "/api/report": () => import("./report/route"),
  "/api/incidents": () => import("./incidents/route"),
  "/api/incidents/[id]": () => import("./incidents/[id]/route"),
  "/api/people/[person]/activity": () => import("./people/[person]/activity/route"),
  "/api/imports": () => import("./imports/route"),
  "/api/imports/[id]": () => import("./imports/[id]/route"),
  "/api/imports/uploads": () => import("./imports/uploads/route"),
  "/api/sync": () => import("./sync/route"),
  "/api/webhooks/deliveries": () => import("./webhooks/deliveries/route"),
  "/api/webhooks/secrets": () => import("./webhooks/secrets/route"),
  "/api/webhooks/secrets/[id]": () => import("./webhooks/secrets/[id]/route"),
  "/api/settings/metrics": () => import("./settings/metrics/route"),
  "/api/settings/holidays": () => import("./settings/holidays/route"),
  "/api/settings/holidays/[id]": () => import("./settings/holidays/[id]/route"),
  "/api/settings/time-in-lieu-policies": () => import("./settings/time-in-lieu-policies/route"),
  "/api/accounts": () => import("./accounts/route"),
  "/api/accounts/[id]/roles": () => import("./accounts/[id]/roles/route"),
  "/api/setup": () => import("./setup/route"),
  "/api/health": () => import("./health/route"),
};

const ROLES = [
  "signed out",
  "no role",
  "engineer of Alpha",
  "manager of Alpha",
  "leadership",
  "admin",
] as const;
type Role = (typeof ROLES)[number];

interface Case {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** `{name}` is replaced by a seeded id (see `seeded`). */
  path: string;
  body?: unknown;
  /** The status for each role, in the order of ROLES. */
  expected: [number, number, number, number, number, number];
}

const JULY = "from=2026-07-01&to=2026-08-01&tz=UTC";
// Aggregates for the organisation, the engineer's and manager's team, and the other team.
const ORGANISATION: Case["expected"] = [401, 403, 403, 403, 200, 200];
const ALPHA: Case["expected"] = [401, 403, 200, 200, 200, 200];
const BRAVO: Case["expected"] = [401, 403, 403, 403, 200, 200];
const ANY_ROLE: Case["expected"] = [401, 403, 200, 200, 200, 200];
const ADMIN_ONLY: Case["expected"] = [401, 403, 403, 403, 403, 200];
const adminOnly = (status: number): Case["expected"] => [401, 403, 403, 403, 403, status];

const aggregates = (route: string, extra = ""): Case[] => [
  { method: "GET", path: `${route}?${JULY}${extra}`, expected: ORGANISATION },
  { method: "GET", path: `${route}?${JULY}${extra}&team=Alpha`, expected: ALPHA },
  { method: "GET", path: `${route}?${JULY}${extra}&team=Bravo`, expected: BRAVO },
];

// ─── The matrix: append your routes here (and their modules to ROUTES). ────────────────────────
const cases: Case[] = [
  // Any account: the filters offer only what the viewer sees (empty lists without a role).
  { method: "GET", path: "/api/catalog", expected: [401, 200, 200, 200, 200, 200] },

  // Aggregates: the organisation for admin and leadership, a team for its members and managers.
  ...aggregates("/api/metrics/incidents"),
  ...aggregates("/api/metrics/series", "&interval=month"),
  ...aggregates("/api/metrics/breakdown", "&by=team"),
  ...aggregates("/api/metrics/interruption-heatmap"),
  ...aggregates("/api/metrics/paging-tests"),
  ...aggregates("/api/review", "&quarters=4"),
  { method: "GET", path: `/api/review?${JULY}&team=Alpha&format=csv`, expected: ALPHA },
  ...aggregates("/api/report"),
  { method: "GET", path: `/api/report?${JULY}&team=Alpha&format=csv`, expected: ALPHA },
  { method: "GET", path: `/api/report?${JULY}&team=Bravo&format=csv`, expected: BRAVO },
  ...aggregates("/api/incidents"),
  // "alpha" names Alpha as the queries read it (case-insensitive), an unknown team nobody's.
  { method: "GET", path: `/api/report?${JULY}&team=alpha`, expected: ALPHA },
  { method: "GET", path: `/api/report?${JULY}&team=Nowhere`, expected: BRAVO },

  // One incident: anyone who sees one of its teams; a correction is an admin's.
  {
    method: "GET",
    path: "/api/incidents/{incidentAlpha}",
    expected: [401, 404, 200, 200, 200, 200],
  },
  {
    method: "GET",
    path: "/api/incidents/{incidentBoth}",
    expected: [401, 404, 200, 200, 200, 200],
  },
  {
    method: "GET",
    path: "/api/incidents/{incidentBravo}",
    expected: [401, 404, 404, 404, 200, 200],
  },
  {
    method: "PATCH",
    path: "/api/incidents/{incidentAlpha}",
    body: { detectionOverride: "monitoring" },
    expected: adminOnly(200),
  },

  // One person's rows: themself, a manager of their team, an admin; 404 for anyone else.
  {
    method: "GET",
    path: `/api/people/{ann}/activity?${JULY}`,
    expected: [401, 404, 200, 200, 404, 200],
  },
  {
    method: "GET",
    path: `/api/people/{cara}/activity?${JULY}`,
    expected: [401, 404, 404, 200, 404, 200],
  },
  {
    method: "GET",
    path: `/api/people/{bob}/activity?${JULY}`,
    expected: [401, 404, 404, 404, 404, 200],
  },
  {
    method: "GET",
    path: `/api/people/nobody%40example.test/activity?${JULY}`,
    expected: [401, 404, 404, 404, 404, 404],
  },

  // Data: imports show raw rejected rows, sync and webhooks run the pipeline: admin only.
  { method: "GET", path: "/api/imports", expected: ADMIN_ONLY },
  { method: "GET", path: "/api/imports/{importRun}", expected: ADMIN_ONLY },
  {
    method: "POST",
    path: "/api/imports/uploads",
    body: "a file's bytes",
    expected: adminOnly(201),
  },
  {
    method: "POST",
    path: "/api/imports",
    body: { uploads: [{ uploadId: "{upload}", fileName: "incidents.json" }], isDryRun: true },
    expected: adminOnly(202),
  },
  { method: "GET", path: "/api/sync", expected: ADMIN_ONLY },
  // No PAGERDUTY_TOKEN here: the admin is let through and told to set it (422).
  { method: "POST", path: "/api/sync", expected: adminOnly(422) },
  { method: "GET", path: "/api/webhooks/deliveries", expected: ADMIN_ONLY },
  { method: "GET", path: "/api/webhooks/secrets", expected: ADMIN_ONLY },
  {
    method: "POST",
    path: "/api/webhooks/secrets",
    body: { label: "matrix", secret: "whsec_matrix_0123456789" },
    expected: adminOnly(201),
  },
  { method: "DELETE", path: "/api/webhooks/secrets/{secret}", expected: adminOnly(200) },

  // Settings: read by anyone with a role (definitions show thresholds), changed by an admin.
  { method: "GET", path: "/api/settings/metrics", expected: ANY_ROLE },
  {
    method: "PUT",
    path: "/api/settings/metrics",
    body: { hourBands: { businessEndHour: 18 } },
    expected: adminOnly(200),
  },
  { method: "GET", path: "/api/settings/holidays?region=SE&year=2026", expected: ANY_ROLE },
  {
    method: "POST",
    path: "/api/settings/holidays",
    body: { region: "SE", date: "2026-12-24", name: "Christmas Eve" },
    expected: adminOnly(201),
  },
  { method: "DELETE", path: "/api/settings/holidays?region=NO", expected: adminOnly(200) },
  { method: "DELETE", path: "/api/settings/holidays/{holiday}", expected: adminOnly(200) },
  { method: "GET", path: "/api/settings/time-in-lieu-policies", expected: ANY_ROLE },
  {
    method: "POST",
    path: "/api/settings/time-in-lieu-policies",
    body: { ...DEFAULT_TIME_IN_LIEU_POLICY, teamId: null, effectiveFrom: "2020-01-01" },
    expected: adminOnly(201),
  },

  // Accounts: admins only. First run is public and refuses once any account exists.
  { method: "GET", path: "/api/accounts", expected: ADMIN_ONLY },
  {
    method: "POST",
    path: "/api/accounts",
    body: { email: "new.person@example.test", password: "a long enough password", roles: [] },
    expected: adminOnly(201),
  },
  {
    method: "POST",
    path: "/api/accounts/{target}/roles",
    body: { action: "grant", role: "leadership" },
    expected: adminOnly(200),
  },
  { method: "GET", path: "/api/setup", expected: [200, 200, 200, 200, 200, 200] },
  // Liveness for load balancers: public.
  { method: "GET", path: "/api/health", expected: [200, 200, 200, 200, 200, 200] },
  {
    method: "POST",
    path: "/api/setup",
    body: { email: "intruder@example.test", password: "a long enough password" },
    expected: [409, 409, 409, 409, 409, 409],
  },
];

// [name, cell] pairs: "%s" prints the whole name, where "$name" would shorten it.
const cells = cases.flatMap((route) =>
  ROLES.map((role, index) => {
    const status = route.expected[index] as number;
    return [
      `${route.method} ${route.path} as ${role} → ${status}`,
      { role, route, status },
    ] as const;
  }),
);

/** The route module and path parameters for a concrete path; literal segments win. */
async function resolveRoute(pathname: string) {
  const segments = pathname.split("/");
  const candidates = Object.entries(ROUTES)
    .map(([pattern, load]) => ({ parts: pattern.split("/"), load }))
    .filter(({ parts }) => parts.length === segments.length)
    .sort((a, b) => a.parts.filter(isParameter).length - b.parts.filter(isParameter).length);
  for (const { parts, load } of candidates) {
    const isMatch = parts.every((part, index) => isParameter(part) || part === segments[index]);
    if (!isMatch) continue;
    const params = Object.fromEntries(
      parts.flatMap((part, index) =>
        isParameter(part) ? [[part.slice(1, -1), segments[index] as string]] : [],
      ),
    );
    return { module: (await load()) as RouteModule, params };
  }
  throw new Error(`No route in ROUTES for ${pathname}`);
}

function isParameter(part: string): boolean {
  return part.startsWith("[");
}

describe("role × route access matrix", () => {
  const database = useRouteTestDatabase();
  const accounts = new Map<Role, TestAccount | null>();
  const seeded: Record<string, string> = {};
  const previous = {
    dataDirectory: process.env.FAIRSHIFT_DATA_DIR,
    token: process.env.PAGERDUTY_TOKEN,
  };
  let dataDirectory = "";

  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = seeded[name];
      if (value === undefined) throw new Error(`Nothing seeded as {${name}}`);
      return value;
    });

  async function call(role: Role, route: Pick<Case, "method" | "path" | "body">) {
    const account = accounts.get(role);
    if (account === undefined) throw new Error(`No account for ${role}`);
    const target = fill(route.path);
    const { module, params } = await resolveRoute(new URL(target, "http://localhost").pathname);
    const handler = module[route.method];
    if (!handler) throw new Error(`${route.method} is not exported for ${target}`);
    const body =
      route.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(route.body)));
    return handler(requestAs(account, target, { method: route.method, body }), {
      params: Promise.resolve(params),
    });
  }

  const reportAs = async (role: Role, query: string) => {
    const response = await call(role, { method: "GET", path: `/api/report?${JULY}${query}` });
    expect(response.status).toBe(200);
    return (await response.json()) as ApiReport;
  };

  beforeAll(async () => {
    const { db } = database;
    dataDirectory = await mkdtemp(path.join(tmpdir(), "fairshift-matrix-"));
    process.env.FAIRSHIFT_DATA_DIR = dataDirectory;
    delete process.env.PAGERDUTY_TOKEN;

    const alpha = await db.team.create({ data: { name: "Alpha", pagerdutyId: "PALPHA" } });
    const bravo = await db.team.create({ data: { name: "Bravo", pagerdutyId: "PBRAVO" } });
    const person = (name: string, teamId: number) =>
      db.person.create({
        data: {
          name,
          email: `${name.toLowerCase()}@example.test`,
          pagerdutyId: `P${name.toUpperCase()}`,
          timeZone: "UTC",
          memberships: { create: { teamId } },
        },
      });
    const ann = await person("Ann", alpha.id);
    const cara = await person("Cara", alpha.id);
    const bob = await person("Bob", bravo.id);
    const serviceAlpha = await db.service.create({
      data: { name: "Ledger", teams: { create: { teamId: alpha.id } } },
    });
    const serviceBravo = await db.service.create({
      data: { name: "Search", teams: { create: { teamId: bravo.id } } },
    });

    for (const [index, someone] of [ann, cara, bob].entries()) {
      await db.onCallShift.create({
        data: {
          personId: someone.id,
          level: 1,
          startAt: new Date(`2026-07-0${6 + index}T00:00:00Z`),
          endAt: new Date(`2026-07-0${7 + index}T00:00:00Z`),
          source: "shifts_csv",
          sourceKey: `matrix:${someone.id}`,
        },
      });
    }
    const incident = async (
      key: string,
      teamIds: number[],
      serviceId: number,
      createdAt: string,
      paged: number[],
      detectionSource: "monitoring" | "test" = "monitoring",
    ) => {
      const created = await db.incident.create({
        data: {
          pagerdutyId: key,
          title: `${key} alert`,
          status: "resolved",
          serviceId,
          createdAt: new Date(createdAt),
          acknowledgedAt: new Date(new Date(createdAt).getTime() + 120_000),
          resolvedAt: new Date(new Date(createdAt).getTime() + 1_800_000),
          detectionSource,
          teams: {
            create: teamIds.map((teamId) => ({ teamId, incidentCreatedAt: new Date(createdAt) })),
          },
        },
      });
      for (const personId of paged) {
        await db.page.create({
          data: { personId, incidentId: created.id, at: new Date(createdAt), channel: "phone" },
        });
      }
      return created;
    };
    // 02:00 UTC: the sleep band for everyone here.
    const incidentAlpha = await incident(
      "QALPHA",
      [alpha.id],
      serviceAlpha.id,
      "2026-07-06T02:00:00Z",
      [ann.id],
    );
    const incidentBoth = await incident(
      "QBOTH",
      [alpha.id, bravo.id],
      serviceAlpha.id,
      "2026-07-07T02:00:00Z",
      [cara.id],
    );
    const incidentBravo = await incident(
      "QBRAVO",
      [bravo.id],
      serviceBravo.id,
      "2026-07-08T02:00:00Z",
      [bob.id],
    );
    await incident(
      "QTEST",
      [alpha.id],
      serviceAlpha.id,
      "2026-07-09T10:00:00Z",
      [ann.id, cara.id],
      "test",
    );
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);

    const importRun = await db.importRun.create({
      data: { source: "file", status: "succeeded", fileName: "incidents.csv" },
    });
    const secret = await db.webhookSecret.create({
      data: { label: "to-revoke", secret: "whsec_to_revoke_0123456789" },
    });
    const holiday = await db.holiday.create({
      data: { region: "GB", date: new Date("2026-08-03"), name: "Office closed" },
    });
    const upload = await saveUpload(new Response('{"incidents":[],"more":false}').body);
    Object.assign(seeded, {
      ann: String(ann.id),
      cara: String(cara.id),
      bob: String(bob.id),
      incidentAlpha: String(incidentAlpha.id),
      incidentBoth: String(incidentBoth.id),
      incidentBravo: String(incidentBravo.id),
      importRun: String(importRun.id),
      secret: String(secret.id),
      holiday: String(holiday.id),
      upload: upload.uploadId,
      alpha: String(alpha.id),
      target: (await signedInAccount(db, { email: "target@example.test" })).userId,
    });

    accounts.set("signed out", null);
    accounts.set("no role", await signedInAccount(db));
    accounts.set("engineer of Alpha", await signedInAccount(db, { email: "ann@example.test" }));
    accounts.set(
      "manager of Alpha",
      await signedInAccount(db, { roles: [{ role: "manager", teamId: alpha.id }] }),
    );
    accounts.set("leadership", await signedInAccount(db, { roles: [{ role: "leadership" }] }));
    accounts.set("admin", await signedInAccount(db, { roles: [{ role: "admin" }] }));
  });

  afterAll(async () => {
    // The admin's import runs in the background and deletes its upload last: wait for it.
    const uploadId = seeded.upload;
    for (let attempt = 0; uploadId && attempt < 100; attempt += 1) {
      const isGone = await access(uploadPath(uploadId)).then(
        () => false,
        () => true,
      );
      if (isGone) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (previous.dataDirectory === undefined) delete process.env.FAIRSHIFT_DATA_DIR;
    else process.env.FAIRSHIFT_DATA_DIR = previous.dataDirectory;
    if (previous.token !== undefined) process.env.PAGERDUTY_TOKEN = previous.token;
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it("links the engineer's account to Ann, with no other role", () => {
    expect(accounts.get("engineer of Alpha")?.personId).toBe(Number(seeded.ann));
  });

  it.each(cells)("%s", async (_name, { role, route, status }) => {
    const response = await call(role, route);
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(status);
    if (status === 401) expect(JSON.parse(text).error.code).toBe("unauthorized");
    if (status === 403) expect(JSON.parse(text).error.code).toBe("forbidden");
  });

  describe("what each viewer gets from the report", () => {
    it("gives the engineer their own row only, and every total", async () => {
      const [mine, all] = await Promise.all([
        reportAs("engineer of Alpha", "&team=Alpha"),
        reportAs("admin", "&team=Alpha"),
      ]);
      expect(mine.peopleShown).toBe("own");
      expect(mine.people.map((row) => row.name)).toEqual(["Ann"]);
      expect(mine.people[0]).toEqual(all.people.find((row) => row.name === "Ann"));
      expect(mine.load).toEqual(all.load);
      // Ann and Cara, one sleep-band page each: 2 off-hours interruptions, 2 people.
      expect(mine.load.total).toMatchObject({ people: 2, offHoursInterruptions: 2 });
      expect(mine.load.byTeam).toEqual({ Alpha: all.load.byTeam.Alpha });
      // Fairness keeps both rotation members; Cara's name is withheld.
      expect(mine.teams[0]?.members.map((member) => [member.name, member.email])).toEqual([
        ["Ann", "ann@example.test"],
        ["Member 1", null],
      ]);
      expect(mine.teams[0]?.fairness).toEqual(all.teams[0]?.fairness);
      expect(mine.pagingTests).toMatchObject({ tests: 1, acknowledged: 1 });
      expect(mine.pagingTests.people.map((row) => row.name)).toEqual(["Ann"]);
      expect(all.pagingTests.people.map((row) => row.name).sort()).toEqual(["Ann", "Cara"]);
    });

    it("gives leadership no person rows but the admin's totals", async () => {
      const [leadership, admin] = await Promise.all([
        reportAs("leadership", ""),
        reportAs("admin", ""),
      ]);
      expect(admin.peopleShown).toBe("all");
      expect(admin.people.map((row) => row.name)).toEqual(["Ann", "Bob", "Cara"]);
      expect(leadership.peopleShown).toBe("none");
      expect(leadership.people).toEqual([]);
      expect(leadership.pagingTests.people).toEqual([]);
      expect(leadership.load.total).toEqual(peopleTotals(admin.people));
      expect(leadership.load.total).toMatchObject({
        people: 3,
        offHoursInterruptions: 3,
        wakeups: 3,
      });
      expect(leadership.load.byTeam).toEqual(admin.load.byTeam);
      expect(Object.keys(leadership.load.byTeam).sort()).toEqual(["Alpha", "Bravo"]);
      expect(leadership.incidents).toEqual(admin.incidents);
    });

    it("gives the manager of Alpha every Alpha row, and nobody's on Bravo", async () => {
      const manager = await reportAs("manager of Alpha", "&team=Alpha");
      expect(manager.peopleShown).toBe("all");
      expect(manager.people.map((row) => row.name)).toEqual(["Ann", "Cara"]);
      expect(manager.teams[0]?.members.map((member) => member.name).sort()).toEqual([
        "Ann",
        "Cara",
      ]);
      const bravo = await call("manager of Alpha", {
        method: "GET",
        path: `/api/report?${JULY}&team=Bravo`,
      });
      expect(bravo.status).toBe(403);
      expect((await bravo.json()).error.message).toBe(
        'You have no access to team "Bravo". You can see Alpha.',
      );
    });

    it("exports the same people in CSV as in JSON", async () => {
      const csv = await call("engineer of Alpha", {
        method: "GET",
        path: `/api/report?${JULY}&team=Alpha&format=csv`,
      });
      const lines = (await csv.text()).trimEnd().split("\n");
      expect(
        lines.filter((line) => line.startsWith("person,")).map((line) => line.split(",")[4]),
      ).toEqual(["Ann"]);
      expect(lines.filter((line) => line.startsWith("team,"))).toHaveLength(1);
    });
  });

  describe("what each viewer gets from the other aggregates", () => {
    it("offers the engineer Alpha and its service only, and no role nothing", async () => {
      const mine = await (
        await call("engineer of Alpha", { method: "GET", path: "/api/catalog" })
      ).json();
      expect(mine.teams.map((team: { name: string }) => team.name)).toEqual(["Alpha"]);
      expect(mine.services.map((service: { name: string }) => service.name)).toEqual(["Ledger"]);
      expect(mine.lastIncidentAt).toBe("2026-07-09T10:00:00.000Z");
      const nobody = await (await call("no role", { method: "GET", path: "/api/catalog" })).json();
      expect(nobody).toEqual({ teams: [], services: [], lastIncidentAt: null });
      const all = await (await call("leadership", { method: "GET", path: "/api/catalog" })).json();
      expect(all.teams.map((team: { name: string }) => team.name)).toEqual(["Alpha", "Bravo"]);
    });

    it("leaves Bravo's row out of Alpha's breakdown for Alpha's engineer, not for leadership", async () => {
      const path = `/api/metrics/breakdown?${JULY}&team=Alpha&by=team`;
      const rowsOf = async (role: Role) =>
        (
          (await (await call(role, { method: "GET", path })).json()).rows as {
            name: string;
            count: number;
          }[]
        ).map((row) => [row.name, row.count]);
      // Alpha: QALPHA and QBOTH (QTEST is a paging test); QBOTH is Bravo's too.
      expect(await rowsOf("engineer of Alpha")).toEqual([["Alpha", 2]]);
      expect(await rowsOf("leadership")).toEqual([
        ["Alpha", 2],
        ["Bravo", 1],
      ]);
      const review = await (
        await call("engineer of Alpha", {
          method: "GET",
          path: `/api/review?${JULY}&team=Alpha&quarters=4`,
        })
      ).json();
      const teams = review.rows.filter((row: { section: string }) => row.section === "team");
      expect([...new Set(teams.map((row: { name: string }) => row.name))]).toEqual(["Alpha"]);
    });

    it("refuses a team filter that would also take in a team the viewer cannot see", async () => {
      // The queries match a team's name case-insensitively: "alpha" would read ALPHA's too.
      const shadow = await database.db.team.create({ data: { name: "ALPHA" } });
      const path = `/api/metrics/incidents?${JULY}&team=alpha`;
      const refused = await call("engineer of Alpha", { method: "GET", path });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toBe(
        'You have no access to every team "alpha" names: choose one by its exact name. You can see Alpha.',
      );
      expect((await call("leadership", { method: "GET", path })).status).toBe(200);
      await database.db.team.delete({ where: { id: shadow.id } });
    });

    it("shows the engineer their own paging-test pages only", async () => {
      const body = await (
        await call("engineer of Alpha", {
          method: "GET",
          path: `/api/metrics/paging-tests?${JULY}&team=Alpha`,
        })
      ).json();
      expect(body.peopleShown).toBe("own");
      expect(body.tests).toHaveLength(1);
      expect(body.tests[0].pages.map((page: { name: string }) => page.name)).toEqual(["Ann"]);
      expect(body.people.map((person: { name: string }) => person.name)).toEqual(["Ann"]);
    });
  });
});
