import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

function headerMap(options: Parameters<typeof securityHeaders>[0]): Record<string, string> {
  return Object.fromEntries(securityHeaders(options).map((header) => [header.key, header.value]));
}

describe("securityHeaders", () => {
  it("allows only this origin in production, and no framing, plug-ins or devices", () => {
    expect(headerMap({ isDevelopment: false })).toEqual({
      "Content-Security-Policy":
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; " +
        "form-action 'self'; base-uri 'self'; object-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("lets React's development build evaluate code and the dev server's WebSocket connect, in development only", () => {
    const policy = headerMap({ isDevelopment: true })["Content-Security-Policy"];
    expect(policy).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval';");
    expect(policy).toContain("connect-src 'self' ws://localhost:* ws://127.0.0.1:*;");
    expect(headerMap({ isDevelopment: false })["Content-Security-Policy"]).not.toContain(
      "unsafe-eval",
    );
  });

  it("lets sign-in continue at the single sign-on provider's origin (not its path)", () => {
    const policy = headerMap({
      isDevelopment: false,
      oidcIssuer: "https://login.example.com/oauth2/default",
    })["Content-Security-Policy"];
    expect(policy).toContain("form-action 'self' https://login.example.com;");
  });

  it("asks browsers to keep to https only when Fairshift is served over https", () => {
    expect(
      headerMap({ isDevelopment: false, baseUrl: "https://fairshift.example.com" })[
        "Strict-Transport-Security"
      ],
    ).toBe("max-age=31536000");
    expect(
      headerMap({ isDevelopment: false, baseUrl: "http://fairshift.internal:3000" }),
    ).not.toHaveProperty("Strict-Transport-Security");
    expect(headerMap({ isDevelopment: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});
