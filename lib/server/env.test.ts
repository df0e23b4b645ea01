import { describe, expect, it } from "vitest";
import { readEnvironment } from "./env";

describe("readEnvironment", () => {
  it("applies the documented defaults", () => {
    const environment = readEnvironment({});
    expect(environment.PORT).toBe(3000);
    expect(environment.FAIRSHIFT_DATA_DIR).toBe(".data");
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.PAGERDUTY_API_URL).toBe("https://api.pagerduty.com");
  });

  it("treats an empty variable as unset, so `DATABASE_URL= npm start` uses the embedded database", () => {
    expect(readEnvironment({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("coerces PORT and rejects values that cannot be a port, naming the variable", () => {
    expect(readEnvironment({ PORT: "8080" }).PORT).toBe(8080);
    expect(() => readEnvironment({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL with a message saying so", () => {
    expect(() => readEnvironment({ DATABASE_URL: "mysql://localhost/x" })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });

  it("reads a changed variable again, though it keeps the last parse for unchanged values", () => {
    const source: Record<string, string | undefined> = { PAGERDUTY_WEBHOOK_SECRETS: "first" };
    const first = readEnvironment(source);
    expect(readEnvironment(source)).toBe(first);
    source.PAGERDUTY_WEBHOOK_SECRETS = "second";
    expect(readEnvironment(source).PAGERDUTY_WEBHOOK_SECRETS).toBe("second");
    delete source.PAGERDUTY_WEBHOOK_SECRETS;
    expect(readEnvironment(source).PAGERDUTY_WEBHOOK_SECRETS).toBeUndefined();
  });
});
