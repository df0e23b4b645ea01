import { isJsonObject } from "../map/json-fields";

/** A webhook body as read: v3 holds one event, legacy v2 a list of messages. */
export type ParsedWebhookBody =
  | { ok: true; version: 3; events: [unknown] }
  | { ok: true; version: 2; events: unknown[] }
  | { ok: false; status: 400 | 422; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads the bytes PagerDuty signed. Not JSON → 400 (a retry cannot fix it); JSON of another shape
 * → 422. Neither is an error of Fairshift's, so neither asks PagerDuty to retry.
 */
export function parseWebhookBody(body: Uint8Array): ParsedWebhookBody {
  let text: string;
  try {
    text = utf8.decode(body).replace(/^\uFEFF/, "");
  } catch {
    return { ok: false, status: 400, reason: "the body is not UTF-8 text" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, status: 400, reason: `the body is not valid JSON (${detail})` };
  }
  if (isJsonObject(value) && isJsonObject(value.event)) {
    return { ok: true, version: 3, events: [value.event] };
  }
  if (isJsonObject(value) && Array.isArray(value.messages)) {
    if (value.messages.length === 0) {
      return { ok: false, status: 422, reason: "the v2 body's messages list is empty" };
    }
    return { ok: true, version: 2, events: value.messages };
  }
  return {
    ok: false,
    status: 422,
    reason:
      'the body is JSON but neither a v3 webhook ({"event":{…}}) nor a legacy v2 webhook ({"messages":[…]})',
  };
}
