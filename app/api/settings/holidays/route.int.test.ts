import { beforeAll, describe, expect, it } from "vitest";
import {
  requestAs,
  signedInAccount,
  TEST_ORIGIN,
  type TestAccount,
} from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { DELETE as deleteOne } from "./[id]/route";
import { DELETE, GET, POST } from "./route";

let admin: TestAccount;
const post = (body: unknown, account: TestAccount = admin) =>
  POST(
    new Request(`${TEST_ORIGIN}/api/settings/holidays`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: account.cookie, origin: TEST_ORIGIN },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    undefined,
  );
const list = (query = "", account: TestAccount = admin) =>
  GET(requestAs(account, `/api/settings/holidays${query}`), undefined);
const removeOne = (id: string) =>
  deleteOne(requestAs(admin, `/api/settings/holidays/${id}`, { method: "DELETE" }), {
    params: Promise.resolve({ id }),
  });
const resetRegion = (query: string) =>
  DELETE(requestAs(admin, `/api/settings/holidays${query}`, { method: "DELETE" }), undefined);
const errorOf = async (response: Response) => ({
  status: response.status,
  message: (await response.json()).error.message as string,
});

describe("/api/settings/holidays", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    await database.db.person.create({ data: { name: "Alva", timeZone: "Europe/Stockholm" } });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });

  it("lists the regions people are in and the library's holidays of the region asked for", async () => {
    const response = await list("?region=gb&year=2026");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.regions).toEqual([{ region: "SE", people: 1, setOnPerson: 0 }]);
    expect(body.library.region).toBe("GB");
    expect(body.library.holidays[0]).toEqual({
      date: "2026-01-01",
      name: "New Year's Day",
      override: null,
    });
  });

  it("adds an override, lists it, and deletes it by id", async () => {
    const created = await post({ region: "SE", date: "2026-12-24", name: "Christmas Eve" });
    expect(created.status).toBe(201);
    const { override, timeInLieuRederived } = await created.json();
    expect(override).toMatchObject({
      region: "SE",
      date: "2026-12-24",
      name: "Christmas Eve",
      isHoliday: true,
    });
    expect(timeInLieuRederived).toEqual({
      people: 1,
      accruals: 0,
      inserted: 0,
      updated: 0,
      deleted: 0,
    });
    const listed = await (await list()).json();
    expect(listed.overrides).toEqual([override]);
    const christmasEve = listed.library.holidays.find(
      (holiday: { date: string }) => holiday.date === "2026-12-24",
    );
    // Christmas Eve is a bank day in date-holidays, not a public holiday: it is the override alone.
    expect(christmasEve).toBeUndefined();

    const deleted = await removeOne(String(override.id));
    expect(deleted.status).toBe(200);
    expect((await deleted.json()).deleted).toBe(1);
    expect(await errorOf(await removeOne(String(override.id)))).toEqual({
      status: 404,
      message: `No holiday override with id ${override.id}.`,
    });
    expect(await errorOf(await removeOne("abc"))).toEqual({
      status: 400,
      message: 'id: "abc" is not a holiday override id.',
    });
  });

  it("resets a region to the library", async () => {
    await post({ region: "SE", date: "2026-04-03", name: "Good Friday", isHoliday: false });
    await post({ region: "GB", date: "2026-04-04", name: "Office closed" });
    const reset = await resetRegion("?region=SE");
    expect(reset.status).toBe(200);
    expect((await reset.json()).deleted).toBe(1);
    expect((await database.db.holiday.findMany()).map((row) => row.region)).toEqual(["GB"]);
    const missing = await resetRegion("");
    expect((await errorOf(missing)).message).toMatch(/^region: /);
  });

  it("answers 400 naming the field for bad input", async () => {
    expect(await errorOf(await post({ region: "SE", date: "2026-02-30", name: "x" }))).toEqual({
      status: 400,
      message: 'date: "2026-02-30" is not a date: enter one as YYYY-MM-DD, e.g. 2026-06-19.',
    });
    expect(await errorOf(await post({ region: "SE", date: "2026-05-02" }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^name: Name the holiday/),
    });
    expect(
      await errorOf(await post({ region: "ZZ", date: "2026-05-02", name: "x" })),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^region: the holiday library does not know "ZZ"/),
    });
    expect(await errorOf(await post("{"))).toEqual({
      status: 400,
      message: "The request body is not valid JSON.",
    });
    const badYear = await list("?year=1900");
    expect(await errorOf(badYear)).toEqual({
      status: 400,
      message: "year: year must be 1970 or later.",
    });
  });

  it("audits each change with its actor and the override before and after", async () => {
    await post({ region: "NO", date: "2026-05-18", name: "Office closed" });
    await post({ region: "NO", date: "2026-05-18", name: "Company day off" });
    const events = await database.db.auditEvent.findMany({
      where: { action: "holiday.saved", after: { path: ["region"], equals: "NO" } },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.actorLabel, event.before, event.after])).toEqual([
      [admin.email, null, expect.objectContaining({ name: "Office closed" })],
      [
        admin.email,
        expect.objectContaining({ name: "Office closed" }),
        expect.objectContaining({ name: "Company day off" }),
      ],
    ]);
    await resetRegion("?region=NO");
    const reset = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "holiday.deleted", subjectId: "NO" },
    });
    expect(reset.before).toEqual([expect.objectContaining({ date: "2026-05-18" })]);
  });

  it("shows the settings to any account with a role and lets only an admin change them", async () => {
    const nobody = await signedInAccount(database.db);
    expect((await list("", nobody)).status).toBe(403);
    const leadership = await signedInAccount(database.db, { roles: [{ role: "leadership" }] });
    expect((await list("", leadership)).status).toBe(200);
    const refused = await post({ region: "SE", date: "2026-06-01", name: "x" }, leadership);
    expect(await errorOf(refused)).toEqual({
      status: 403,
      message: "Only an admin can change data and settings.",
    });
    expect(await database.db.holiday.count({ where: { region: "SE" } })).toBe(0);
  });
});
