import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIRECTORY, fixtureAt } from "../map/testing/read-fixture";
import { parseWebhookBody } from "./parse-webhook-body";

const V3_TRIGGERED = "webhooks-v3/signed/incident.triggered.json";
const V2_TRIGGER = "webhooks-v2/zulip/trigger_v2.json";
const NEITHER =
  'the body is JSON but neither a v3 webhook ({"event":{…}}) nor a legacy v2 webhook ({"messages":[…]})';

function bytesOf(relativePath: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIRECTORY, relativePath));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseWebhookBody", () => {
  it("reads a v3 body as version 3 holding its one event", () => {
    const parsed = parseWebhookBody(bytesOf(V3_TRIGGERED));
    expect(parsed).toEqual({ ok: true, version: 3, events: [fixtureAt(V3_TRIGGERED, "event")] });
    expect(parsed.ok && parsed.events[0]).toMatchObject({
      id: "01FKZSRAPTMF55RE69G8BQHGC6",
      event_type: "incident.triggered",
    });
  });

  it("reads a legacy v2 body as version 2 holding its one message", () => {
    const parsed = parseWebhookBody(bytesOf(V2_TRIGGER));
    expect(parsed).toEqual({
      ok: true,
      version: 2,
      events: [fixtureAt(V2_TRIGGER, "messages", 0)],
    });
    expect(parsed.ok && parsed.events).toHaveLength(1);
    expect(parsed.ok && parsed.events[0]).toMatchObject({ event: "incident.trigger" });
  });

  it("tolerates a UTF-8 byte order mark before the JSON", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(V3_TRIGGERED)]);
    expect(parseWebhookBody(withBom)).toEqual(parseWebhookBody(bytesOf(V3_TRIGGERED)));
    expect(parseWebhookBody(withBom).ok).toBe(true);
  });

  it("refuses bytes that are not UTF-8 with 400", () => {
    const latin1 = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expect(parseWebhookBody(latin1)).toEqual({
      ok: false,
      status: 400,
      reason: "the body is not UTF-8 text",
    });
  });

  it("refuses truncated JSON with 400 and says it is not JSON", () => {
    const bytes = bytesOf(V3_TRIGGERED);
    const parsed = parseWebhookBody(bytes.subarray(0, bytes.length - 10));
    expect(parsed.ok).toBe(false);
    expect(parsed).toMatchObject({ status: 400 });
    expect(!parsed.ok && parsed.reason).toMatch(/^the body is not valid JSON \(.+\)$/);
  });

  it("refuses an empty body with 400", () => {
    expect(parseWebhookBody(new Uint8Array())).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a v2 body with no messages with 422", () => {
    expect(parseWebhookBody(utf8('{"messages":[]}'))).toEqual({
      ok: false,
      status: 422,
      reason: "the v2 body's messages list is empty",
    });
  });

  it.each([
    ["a list", "[]"],
    ["an incident without an envelope", '{"incident":{}}'],
    ["a string", '"text"'],
    ["null", "null"],
    ["an event that is not an object", '{"event":"incident.triggered"}'],
  ])("refuses JSON of another shape (%s) with 422", (_label, text) => {
    expect(parseWebhookBody(utf8(text))).toEqual({ ok: false, status: 422, reason: NEITHER });
  });
});
