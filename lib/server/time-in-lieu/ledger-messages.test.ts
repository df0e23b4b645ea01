import { describe, expect, it } from "vitest";
import {
  adjustmentMessage,
  claimDecidedMessage,
  claimSubmittedMessage,
  hoursText,
} from "./ledger-messages";

describe("ledger messages", () => {
  it("write hours as people read them", () => {
    expect(hoursText(480)).toBe("8 h");
    expect(hoursText(390)).toBe("6.5 h");
    expect(hoursText(380)).toBe("6.33 h");
    expect(hoursText(-90)).toBe("1.5 h");
  });

  it("tell managers of a claim and the claimant of the decision", () => {
    expect(claimSubmittedMessage("Ada Lovelace", 480, "2026-12-01")).toBe(
      "Ada Lovelace claimed 8 h for 2026-12-01",
    );
    expect(
      claimDecidedMessage("approved", { minutes: 480, date: "2026-12-01" }, "Grace Hopper", null),
    ).toBe("Your claim of 8 h for 2026-12-01 was approved by Grace Hopper");
    expect(
      claimDecidedMessage(
        "rejected",
        { minutes: 60, date: "2026-12-01" },
        "Grace Hopper",
        "Release day",
      ),
    ).toBe("Your claim of 1 h for 2026-12-01 was rejected by Grace Hopper: Release day");
  });

  it("say which way an adjustment went", () => {
    expect(
      adjustmentMessage("Grace Hopper", { minutes: 120, date: "2026-05-01" }, "Missed call-out"),
    ).toBe("Grace Hopper added 2 h to your time in lieu on 2026-05-01: Missed call-out");
    expect(
      adjustmentMessage("Grace Hopper", { minutes: -90, date: "2026-05-01" }, "Counted twice"),
    ).toBe("Grace Hopper removed 1.5 h from your time in lieu on 2026-05-01: Counted twice");
  });
});
