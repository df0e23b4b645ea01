import { describe, expect, it } from "vitest";
import { pageChannelOf } from "./page-channel";

describe("pageChannelOf", () => {
  it("reads both spellings PagerDuty has used", () => {
    expect(pageChannelOf("sms")).toBe("sms");
    expect(pageChannelOf("sms_notification")).toBe("sms");
    expect(pageChannelOf("phone_notification")).toBe("phone");
    expect(pageChannelOf("push_notification")).toBe("push");
    expect(pageChannelOf("Email")).toBe("email");
    expect(pageChannelOf("push notification")).toBe("push");
  });

  it("counts an unknown or missing type as other, not as a phone call", () => {
    expect(pageChannelOf(null)).toBe("other");
    expect(pageChannelOf("slack")).toBe("other");
  });
});
