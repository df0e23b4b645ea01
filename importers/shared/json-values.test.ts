import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/importers/pagerduty/map/testing/read-fixture";
import { FileFormatError } from "./file-format-error";
import { type JsonRecord, readJsonRecords } from "./json-values";
import { chunksOf, collect } from "./testing/stream-chunks";

const read = (content: string | Buffer, ...sizes: [number, ...number[]]) =>
  collect(readJsonRecords(chunksOf(content, ...sizes)));

/** What a test checks of each record: where it came from and which object it is. */
const summary = (records: JsonRecord[]) =>
  records.map(({ resourceKey, timeZone, line, value }) => ({
    resourceKey,
    timeZone,
    line,
    id: (value as { id?: unknown }).id ?? null,
  }));

describe("readJsonRecords on PagerDuty's documentation examples", () => {
  it("reads the one incident of GET /incidents, starting on line 3", async () => {
    const records = await read(
      readFixtureText("rest-api/openapi-examples/GET_incidents.json"),
      4096,
    );
    expect(summary(records)).toEqual([
      { resourceKey: "incidents", timeZone: null, line: 3, id: "PT4KHLK" },
    ]);
  });

  it("reads a log-entries page that has no pagination keys", async () => {
    const records = await read(
      readFixtureText("rest-api/openapi-examples/GET_incidents_id_log_entries.json"),
      4096,
    );
    expect(summary(records)).toEqual([
      { resourceKey: "log_entries", timeZone: null, line: 3, id: "Q02JTSNZWHSEKV" },
    ]);
    expect(records[0]?.value).toMatchObject({ type: "trigger_log_entry" });
  });

  it("reads both users of GET /users, split into 1-byte and 7-byte chunks", async () => {
    const text = readFixtureText("rest-api/openapi-examples/GET_users.json");
    const expected = [
      { resourceKey: "users", timeZone: null, line: 3, id: "PXPGF42" },
      { resourceKey: "users", timeZone: null, line: 46, id: "PAM4FGS" },
    ];
    expect(summary(await read(text, 1))).toEqual(expected);
    expect(summary(await read(text, 7))).toEqual(expected);
    expect((await read(text, 7)).map((record) => record.value)).toEqual(JSON.parse(text).users);
  });

  it("unwraps a singular response such as GET /schedules/{id}", async () => {
    const text = readFixtureText("rest-api/openapi-examples/GET_schedules_id.json");
    const records = await read(text, 7);
    expect(summary(records)).toEqual([
      { resourceKey: "schedule", timeZone: null, line: 2, id: "PI7DH85" },
    ]);
    expect(records[0]?.value).toEqual(JSON.parse(text).schedule);
  });

  it("gives Analytics rows the page's time_zone, which comes after data", async () => {
    const records = await read(
      readFixtureText("rest-api/openapi-examples/POST_analytics_raw_incidents.json"),
      7,
    );
    expect(summary(records)).toEqual([
      { resourceKey: "data", timeZone: "Etc/UTC", line: 3, id: "PYC0H08" },
      { resourceKey: "data", timeZone: "Etc/UTC", line: 72, id: "PCOOHCY" },
    ]);
  });

  it("reads a request body (filters and paging only) as nothing", async () => {
    const text = readFixtureText(
      "rest-api/openapi-examples/POST_analytics_raw_incidents.request.json",
    );
    expect(await read(text, 7)).toEqual([]);
  });
});

describe("readJsonRecords on bare entities (Port Ocean, DevLake)", () => {
  it.each([
    ["incidents/a.json", "Q1QGYB805SG874"],
    ["users/a.json", "P4K4DLP"],
    ["services/a.json", "P9GEW6E"],
    ["schedules/a.json", "PWAXLIH"],
    ["escalation_policies/a.json", "P7LVMYP"],
  ])("reads port-ocean/%s as one object", async (file, id) => {
    const text = readFixtureText(`rest-api/port-ocean/${file}`);
    const records = await read(text, 7);
    expect(summary(records)).toEqual([{ resourceKey: null, timeZone: null, line: 1, id }]);
    expect(records[0]?.value).toEqual(JSON.parse(text));
  });

  it("reads an on-call item as one object although it starts with a key a page could have", async () => {
    // `{"escalation_policy":{…},"escalation_level":1,…}`: the first key is also GET
    // /escalation_policies/{id}'s wrapper, so only the keys after it show it is an entity.
    const text = readFixtureText("rest-api/port-ocean/oncalls/a.json");
    const records = await read(text, 3);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ resourceKey: null, line: 1 });
    expect(records[0]?.value).toEqual(JSON.parse(text));
  });

  it("reads a DevLake incident with its 31 embedded log entries as one object", async () => {
    const text = readFixtureText("rest-api/devlake/incident-4-Q3YON8WNWTZMRQ.json");
    const records = await read(text, 1000);
    expect(summary(records)).toEqual([
      { resourceKey: null, timeZone: null, line: 1, id: "Q3YON8WNWTZMRQ" },
    ]);
    expect(records[0]?.value).toMatchObject({ log_entries: expect.any(Array) });
    expect(
      (records[0]?.value as { log_entries?: unknown[] } | undefined)?.log_entries,
    ).toHaveLength(31);
  });

  it("does not mistake an entity whose first key is teams for a page of teams", async () => {
    const text =
      '{"teams":[{"id":"PT1","type":"team_reference"}],"id":"PU1","type":"user","name":"Ann"}';
    expect(summary(await read(text, 5))).toEqual([
      { resourceKey: null, timeZone: null, line: 1, id: "PU1" },
    ]);
  });
});

describe("readJsonRecords on files holding several values", () => {
  it("reads NDJSON whose lines are entities, pages and Analytics pages", async () => {
    const text = [
      '{"id":"PU1","type":"user","name":"Ann"}',
      '{"incidents":[{"id":"Q1","type":"incident"},{"id":"Q2","type":"incident"}],"more":false}',
      '{"time_zone":"Europe/Stockholm","data":[{"id":"Q3"}]}',
      "",
    ].join("\n");
    expect(summary(await read(text, 7))).toEqual([
      { resourceKey: null, timeZone: null, line: 1, id: "PU1" },
      { resourceKey: "incidents", timeZone: null, line: 2, id: "Q1" },
      { resourceKey: "incidents", timeZone: null, line: 2, id: "Q2" },
      { resourceKey: "data", timeZone: "Europe/Stockholm", line: 3, id: "Q3" },
    ]);
  });

  it("reads an array of pages", async () => {
    const text = `[
  {"log_entries": [{"id": "R1", "type": "notify_log_entry"}], "limit": 1, "offset": 0, "more": true},
  {"log_entries": [{"id": "R2", "type": "notify_log_entry"}], "limit": 1, "offset": 1, "more": false}
]`;
    expect(summary(await read(text, 7))).toEqual([
      { resourceKey: "log_entries", timeZone: null, line: 2, id: "R1" },
      { resourceKey: "log_entries", timeZone: null, line: 3, id: "R2" },
    ]);
  });

  it("reads a top-level array of bare objects", async () => {
    const text =
      '[\n{"id":"PT1","type":"team","name":"Core"},\n{"id":"PT2","type":"team","name":"Edge"}\n]';
    expect(summary(await read(text, 2))).toEqual([
      { resourceKey: null, timeZone: null, line: 2, id: "PT1" },
      { resourceKey: null, timeZone: null, line: 3, id: "PT2" },
    ]);
  });

  it("streams a page too large to hold, element by element", async () => {
    const count = 150_000;
    let bytesProduced = 0;
    let bytesWhenFirstRecordArrived: number | null = null;
    async function* hugePage(): AsyncGenerator<string> {
      const head = '{"log_entries":[';
      bytesProduced += head.length;
      yield head;
      for (let index = 0; index < count; index += 1) {
        const entry = `${index === 0 ? "" : ","}{"id":"R${index}","type":"notify_log_entry","summary":"Notified Ann by sms."}`;
        bytesProduced += entry.length;
        yield entry;
      }
      yield '],"more":false}';
    }
    let seen = 0;
    let lastId: unknown = null;
    for await (const record of readJsonRecords(hugePage())) {
      bytesWhenFirstRecordArrived ??= bytesProduced;
      seen += 1;
      lastId = (record.value as { id: string }).id;
    }
    expect(seen).toBe(count);
    expect(lastId).toBe(`R${count - 1}`);
    // The page is ~12 MB; its first entries come out once 8 MB show it cannot be one entity.
    expect(bytesProduced).toBeGreaterThan(11_000_000);
    expect(bytesWhenFirstRecordArrived).toBeLessThan(8_500_000);
  });
});

describe("readJsonRecords, however the file is cut into chunks", () => {
  const texts = {
    users: readFixtureText("rest-api/openapi-examples/GET_users.json"),
    analytics: readFixtureText("rest-api/openapi-examples/POST_analytics_raw_incidents.json"),
    oncall: readFixtureText("rest-api/port-ocean/oncalls/a.json"),
    multibyte:
      '\uFEFF{"users":[{"id":"P1","name":"Åsa Öberg 🚒","summary":"\\u00c5sa \\"the fixer\\""}]}\n' +
      '{"id":"P2","type":"user","name":"Zoë 日本"}',
  };

  it.each(Object.entries(texts))(
    "gives the same records for %s in any chunking",
    async (_, text) => {
      const expected = await read(text, 1_000_000);
      expect(expected.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
          async (sizes) => {
            const [first = 1, ...rest] = sizes;
            expect(await read(text, first, ...rest)).toEqual(expected);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it("decodes characters whose bytes are split across chunks", async () => {
    const [first, second] = await read(texts.multibyte, 1);
    expect(first?.value).toEqual({ id: "P1", name: "Åsa Öberg 🚒", summary: 'Åsa "the fixer"' });
    expect(second).toEqual({
      value: { id: "P2", type: "user", name: "Zoë 日本" },
      resourceKey: null,
      timeZone: null,
      line: 2,
    });
  });
});

describe("readJsonRecords on broken files", () => {
  it("reports a truncated file", async () => {
    const text = readFixtureText("rest-api/openapi-examples/GET_users.json");
    const truncated = text.slice(0, Math.floor(text.length / 2));
    await expect(read(truncated, 7)).rejects.toThrow(
      new FileFormatError(
        "the file ends in the middle of a JSON value (truncated?): the value starting at line 1 is not closed",
      ),
    );
  });

  it("reports a truncated NDJSON line with the line it starts on", async () => {
    await expect(read('{"id":"P1","type":"user"}\n{"id":"P2","ty', 4)).rejects.toThrow(
      "the value starting at line 2 is not closed",
    );
  });

  it("reports text that is not JSON", async () => {
    await expect(read("hello, world", 3)).rejects.toThrow(
      'not valid JSON at line 1: unexpected "h" (a PagerDuty JSON export holds objects or arrays)',
    );
  });

  it("reports a stray character with its line", async () => {
    const text = '{\n  "incidents": [\n    {"id": "Q1",}\n  ]\n}';
    await expect(read(text, 5)).rejects.toThrow(
      'not valid JSON at line 3: unexpected "}" (expected a quoted key)',
    );
  });

  it("reports a misspelt literal, an unclosed string and a bad escape", async () => {
    await expect(read('{"incidents":[{"urgent":tru}]}', 4)).rejects.toThrow(
      'not valid JSON at line 1: unexpected "tru"',
    );
    await expect(read('{"incidents":[{"title":"no end\n}]}', 4)).rejects.toThrow(
      "not valid JSON at line 1: the line ends inside a string (a closing quote is missing)",
    );
    await expect(read('{"incidents":[{"title":"\\x"}]}', 4)).rejects.toThrow(
      'not valid JSON at line 1: unexpected "\\x" (not a JSON escape)',
    );
  });

  it("reads an empty file as nothing", async () => {
    expect(await read("\n  \n", 1)).toEqual([]);
  });
});
