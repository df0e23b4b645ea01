import { describe, expect, it } from "vitest";
import { MINIMUM_PASSWORD_LENGTH } from "./create-account";
import { generatePassword } from "./generate-password";

describe("generatePassword", () => {
  it("makes four hyphenated groups of five unambiguous characters, long enough to sign in", () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(MINIMUM_PASSWORD_LENGTH);
    expect(password).not.toMatch(/[01lIoO]/);
  });

  it("never repeats itself", () => {
    const passwords = new Set(Array.from({ length: 1000 }, generatePassword));
    expect(passwords.size).toBe(1000);
  });
});
