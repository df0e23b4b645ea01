import { beforeAll, describe, expect, it } from "vitest";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { DELETE as deleteOne } from "./[id]/route";
import { DELETE, GET, POST } from "./route";

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/settings/holidays", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const removeOne = (id: string) =>
  deleteOne(new Request(`http://localhost/api/settings/holidays/${id}`, { method: "DELETE" }), {
    params: Promise.resolve({ id }),
  });
const errorOf = async (response: Response) => ({
  status: response.status,
  message: (await response.json()).error.message as string,
});

describe("/api/settings/holidays", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    await database.db.person.create({ data: { name: "Alva", timeZone: "Europe/Stockholm" } });
  });

  it("lists the regions people are in and the library's holidays of the region asked for", async () => {
    const response = await GET(
      new Request("http://localhost/api/settings/holidays?region=gb&year=2026"),
    );
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
    const listed = await (await GET(new Request("http://localhost/api/settings/holidays"))).json();
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
    const reset = await DELETE(
      new Request("http://localhost/api/settings/holidays?region=SE", { method: "DELETE" }),
    );
    expect(reset.status).toBe(200);
    expect((await reset.json()).deleted).toBe(1);
    expect((await database.db.holiday.findMany()).map((row) => row.region)).toEqual(["GB"]);
    const missing = await DELETE(
      new Request("http://localhost/api/settings/holidays", { method: "DELETE" }),
    );
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
    const badYear = await GET(new Request("http://localhost/api/settings/holidays?year=1900"));
    expect(await errorOf(badYear)).toEqual({
      status: 400,
      message: "year: year must be 1970 or later.",
    });
  });
});
