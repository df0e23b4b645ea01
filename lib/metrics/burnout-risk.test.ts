import { describe, expect, it } from "vitest";
import {
  assessBurnoutRisk,
  type BurnoutRiskInput,
  DEFAULT_BURNOUT_THRESHOLDS,
} from "./burnout-risk";

const quiet: BurnoutRiskInput = {
  wakeUps: 0,
  longestStreakWeeks: 1,
  meanIntervalWeeks: 5,
  restBreaches: 0,
  offHoursInterruptions: 0,
  owedMinutesOlderThan30Days: 0,
};

const assess = (overrides: Partial<BurnoutRiskInput>) =>
  assessBurnoutRisk({ ...quiet, ...overrides });

describe("assessBurnoutRisk: high", () => {
  it("is high from 3 wake-ups, medium at 2", () => {
    expect(assess({ wakeUps: 3 })).toEqual({
      level: "high",
      reasons: ["3 wake-ups in 28 days (high from 3)"],
    });
    expect(assess({ wakeUps: 2 })).toEqual({
      level: "medium",
      reasons: ["2 wake-ups in 28 days (medium from 1)"],
    });
  });

  it("is high on a streak of 3 weeks, not 2", () => {
    expect(assess({ longestStreakWeeks: 3 }).reasons).toEqual([
      "on call 3 weeks in a row (high from 3)",
    ]);
    expect(assess({ longestStreakWeeks: 2 }).level).toBe("low");
  });

  it("is high on an interval below 3 weeks; exactly 3 is only medium (below 4)", () => {
    expect(assess({ meanIntervalWeeks: 2.5 }).reasons).toEqual([
      "on call every 2.5 weeks (high below 3)",
    ]);
    expect(assess({ meanIntervalWeeks: 3 })).toEqual({
      level: "medium",
      reasons: ["on call every 3 weeks (medium below 4)"],
    });
    expect(assess({ meanIntervalWeeks: 4 }).level).toBe("low");
  });

  it("is high from 2 rest breaches; 1 alone is not a signal", () => {
    expect(assess({ restBreaches: 2 }).reasons).toEqual([
      "2 rest breaches in 28 days (high from 2)",
    ]);
    expect(assess({ restBreaches: 1 }).level).toBe("low");
  });

  it("lists every high reason, and only the high ones", () => {
    const risk = assess({ wakeUps: 4, restBreaches: 3, offHoursInterruptions: 9 });
    expect(risk).toEqual({
      level: "high",
      reasons: ["4 wake-ups in 28 days (high from 3)", "3 rest breaches in 28 days (high from 2)"],
    });
  });
});

describe("assessBurnoutRisk: medium and low", () => {
  it("is medium from one wake-up, in the singular", () => {
    expect(assess({ wakeUps: 1 }).reasons).toEqual(["1 wake-up in 28 days (medium from 1)"]);
  });

  it("is medium from 6 off-hours interruptions, low at 5", () => {
    expect(assess({ offHoursInterruptions: 6 }).reasons).toEqual([
      "6 off-hours interruptions in 28 days (medium from 6)",
    ]);
    expect(assess({ offHoursInterruptions: 5 }).level).toBe("low");
  });

  it("is medium only when old TOIL owed is above 16 h, not at exactly 16 h", () => {
    expect(assess({ owedMinutesOlderThan30Days: 16 * 60 }).level).toBe("low"); // 960 min
    expect(assess({ owedMinutesOlderThan30Days: 16 * 60 + 30 }).reasons).toEqual([
      "16.5 h time in lieu owed for more than 30 days (medium above 16 h)",
    ]);
  });

  it("lists every medium reason", () => {
    expect(
      assess({ wakeUps: 1, offHoursInterruptions: 7, meanIntervalWeeks: 3.5 }).reasons,
    ).toEqual([
      "1 wake-up in 28 days (medium from 1)",
      "7 off-hours interruptions in 28 days (medium from 6)",
      "on call every 3.5 weeks (medium below 4)",
    ]);
  });

  it("never triggers on an unknown rotation interval", () => {
    expect(assess({ meanIntervalWeeks: null })).toEqual({ level: "low", reasons: [] });
  });

  it("takes every threshold as a setting", () => {
    const stricter = { ...DEFAULT_BURNOUT_THRESHOLDS, highWakeUpsFrom: 2 };
    expect(assessBurnoutRisk({ ...quiet, wakeUps: 2 }, stricter).reasons).toEqual([
      "2 wake-ups in 28 days (high from 2)",
    ]);
  });
});
