import { describe, expect, it } from "vitest";
import { readEnvironment } from "../env";
import { isEmailVouchedFor, readOidcConfig } from "./oidc-provider-config";

describe("readOidcConfig", () => {
  it("is null when no FAIRSHIFT_OIDC_* variable is set: the sign-in screen offers passwords only", () => {
    expect(readOidcConfig(readEnvironment({ FAIRSHIFT_OIDC_NAME: "Okta" }))).toBeNull();
  });

  it("reads a full configuration, without the issuer's trailing slash, named for the button", () => {
    const config = readOidcConfig(
      readEnvironment({
        FAIRSHIFT_OIDC_ISSUER: "https://login.example.com/oauth2/default/",
        FAIRSHIFT_OIDC_CLIENT_ID: "fairshift",
        FAIRSHIFT_OIDC_CLIENT_SECRET: "s3cret",
        FAIRSHIFT_OIDC_NAME: "Okta",
      }),
    );
    expect(config).toEqual({
      issuer: "https://login.example.com/oauth2/default",
      clientId: "fairshift",
      clientSecret: "s3cret",
      name: "Okta",
    });
    expect(
      readOidcConfig(
        readEnvironment({
          FAIRSHIFT_OIDC_ISSUER: "https://login.example.com",
          FAIRSHIFT_OIDC_CLIENT_ID: "fairshift",
          FAIRSHIFT_OIDC_CLIENT_SECRET: "s3cret",
        }),
      )?.name,
    ).toBe("single sign-on");
  });

  it("refuses half a configuration, naming every variable still missing", () => {
    expect(() =>
      readOidcConfig(readEnvironment({ FAIRSHIFT_OIDC_ISSUER: "https://login.example.com" })),
    ).toThrow(
      "Single sign-on is half configured: set FAIRSHIFT_OIDC_CLIENT_ID and FAIRSHIFT_OIDC_CLIENT_SECRET as well.",
    );
    expect(() =>
      readOidcConfig(
        readEnvironment({
          FAIRSHIFT_OIDC_CLIENT_ID: "fairshift",
          FAIRSHIFT_OIDC_CLIENT_SECRET: "x",
        }),
      ),
    ).toThrow("set FAIRSHIFT_OIDC_ISSUER as well.");
  });

  it("treats an empty variable as unset, as `FAIRSHIFT_OIDC_ISSUER= npm start` means", () => {
    expect(
      readOidcConfig(
        readEnvironment({
          FAIRSHIFT_OIDC_ISSUER: "",
          FAIRSHIFT_OIDC_CLIENT_ID: "",
          FAIRSHIFT_OIDC_CLIENT_SECRET: "",
        }),
      ),
    ).toBeNull();
  });
});

describe("isEmailVouchedFor", () => {
  it("trusts email_verified, and an absent claim (Entra ID sends none), but not an explicit false", () => {
    expect(isEmailVouchedFor({ email: "a@example.test", email_verified: true })).toBe(true);
    expect(isEmailVouchedFor({ email: "a@example.test", email_verified: "true" })).toBe(true);
    expect(isEmailVouchedFor({ email: "a@example.test" })).toBe(true);
    expect(isEmailVouchedFor({ email: "a@example.test", email_verified: false })).toBe(false);
    expect(isEmailVouchedFor({ email: "a@example.test", email_verified: "false" })).toBe(false);
  });
});
