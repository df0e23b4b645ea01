import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIRECTORY, fixtureAt } from "../map/testing/read-fixture";
import { readSignatures, signBody, verifySignature, type WebhookSecret } from "./verify-signature";

const SIGNED = "webhooks-v3/signed";
const SIGNED_FILES = [
  "pagey.ping.json",
  "incident.triggered.json",
  "incident.acknowledged.json",
  "incident.resolved.json",
  "incident.annotated.json",
];

/** The exact bytes PagerDuty signed (no trailing newline, no re-serialising). */
function signedBody(name: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIRECTORY, SIGNED, name));
}

function published(file: string, name: string): { secret: string; signature: string } {
  const secret = fixtureAt(`${SIGNED}/${file}`, name, "secret");
  const signature = fixtureAt(`${SIGNED}/${file}`, name, "signature");
  if (typeof secret !== "string" || typeof signature !== "string") {
    throw new Error(`${file}: ${name} has no secret or signature`);
  }
  return { secret, signature };
}

const PING = published("signatures.json", "pagey.ping.json");
const ALDAVIVA: WebhookSecret = { label: "aldaviva", secret: PING.secret, id: 7 };
const OTHER: WebhookSecret = { label: "other", secret: "not-the-secret-pagerduty-used", id: null };
const NO_MATCH_OF_ONE =
  "the signature matches none of the 1 active secret (signed with another secret, or the body was changed on the way)";
const HEX_A = "a".repeat(64);
const HEX_B = "0123456789abcdef".repeat(4);

describe("verifySignature", () => {
  it.each(SIGNED_FILES)("accepts %s with its published secret and signature", (name) => {
    const { secret, signature } = published("signatures.json", name);
    const configured: WebhookSecret = { label: "aldaviva", secret, id: 7 };
    const check = verifySignature(signedBody(name), signature, [configured]);
    expect(check).toEqual({ ok: true, secret: configured });
    expect(check.ok && check.secret).toBe(configured);
  });

  it("refuses the ping whose signature has its last hex digit changed", () => {
    const { signature } = published("signatures.invalid.json", "pagey.ping.json");
    expect(signature.endsWith("a05c")).toBe(true);
    expect(verifySignature(signedBody("pagey.ping.json"), signature, [ALDAVIVA])).toEqual({
      ok: false,
      reason: NO_MATCH_OF_ONE,
    });
  });

  it("refuses a body changed by one byte (a space appended)", () => {
    const changed = Buffer.concat([signedBody("pagey.ping.json"), Buffer.from(" ")]);
    expect(verifySignature(changed, PING.signature, [ALDAVIVA])).toEqual({
      ok: false,
      reason: NO_MATCH_OF_ONE,
    });
  });

  it("says how many secrets it tried when none matches", () => {
    const check = verifySignature(signedBody("pagey.ping.json"), PING.signature, [
      OTHER,
      { ...OTHER, label: "older" },
    ]);
    expect(check).toEqual({
      ok: false,
      reason:
        "the signature matches none of the 2 active secrets (signed with another secret, or the body was changed on the way)",
    });
  });

  it("accepts a rotated header where only the second v1= value matches", () => {
    const body = signedBody("pagey.ping.json");
    const header = `${signBody(body, [OTHER.secret])},${PING.signature}`;
    expect(header.split(",")).toHaveLength(2);
    expect(verifySignature(body, header, [ALDAVIVA])).toEqual({ ok: true, secret: ALDAVIVA });
  });

  it("accepts when the right secret is the second of two configured", () => {
    const check = verifySignature(signedBody("pagey.ping.json"), PING.signature, [OTHER, ALDAVIVA]);
    expect(check).toEqual({ ok: true, secret: ALDAVIVA });
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["blank", "   "],
  ])("refuses a %s header", (_label, header) => {
    expect(verifySignature(signedBody("pagey.ping.json"), header, [ALDAVIVA])).toEqual({
      ok: false,
      reason: "X-PagerDuty-Signature header is missing",
    });
  });

  it.each([
    ["only another version", `v0=${PING.signature.slice(3)}`],
    ["v0=abc", "v0=abc"],
    ["a v1 value one digit short", PING.signature.slice(0, -1)],
    ["a v1 value one digit long", `${PING.signature}0`],
  ])("refuses a header with %s: there is no v1 value to check", (_label, header) => {
    expect(verifySignature(signedBody("pagey.ping.json"), header, [ALDAVIVA])).toEqual({
      ok: false,
      reason: "X-PagerDuty-Signature has no v1=<64 hex digits> value",
    });
  });

  it("refuses when no secret is configured, and says where to set one", () => {
    expect(verifySignature(signedBody("pagey.ping.json"), PING.signature, [])).toEqual({
      ok: false,
      reason:
        "no webhook secret is configured: paste the subscription's secret on the Data page or set PAGERDUTY_WEBHOOK_SECRETS",
    });
  });
});

describe("readSignatures", () => {
  it("keeps v1 values in order and skips other versions and malformed hex", () => {
    const header = [
      `v1=${HEX_A}`,
      `v0=${HEX_B}`,
      `v1=${"g".repeat(64)}`,
      `v1=${HEX_B.slice(1)}`,
      `v1=${HEX_B}`,
    ].join(",");
    expect(readSignatures(header).map((signature) => signature.toString("hex"))).toEqual([
      HEX_A,
      HEX_B,
    ]);
  });

  it("tolerates spaces after the commas and reads upper-case hex", () => {
    const header = `v1=${HEX_A}, v1=${HEX_B.toUpperCase()}`;
    const signatures = readSignatures(header);
    expect(signatures.map((signature) => signature.toString("hex"))).toEqual([HEX_A, HEX_B]);
    expect(signatures.map((signature) => signature.length)).toEqual([32, 32]);
  });

  it("reads nothing from a header without v1 values", () => {
    expect(readSignatures("v0=abc")).toEqual([]);
    expect(readSignatures("")).toEqual([]);
  });
});

describe("signBody", () => {
  it("signs the ping exactly as PagerDuty did", () => {
    expect(signBody(signedBody("pagey.ping.json"), [PING.secret])).toBe(PING.signature);
  });

  it("gives one comma-separated v1 value per secret, in order", () => {
    const body = signedBody("pagey.ping.json");
    const header = signBody(body, [OTHER.secret, PING.secret]);
    const [first, second] = header.split(",");
    expect(first).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(first).not.toBe(PING.signature);
    expect(second).toBe(PING.signature);
  });

  it("signs a string the same as its UTF-8 bytes", () => {
    const body = signedBody("pagey.ping.json");
    expect(signBody(body.toString("utf8"), [PING.secret])).toBe(PING.signature);
  });
});
