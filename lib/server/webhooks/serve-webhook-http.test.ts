import { describe, expect, it } from "vitest";
import { matchWebhookRequest } from "./serve-webhook-http";

describe("matchWebhookRequest", () => {
  it.each([
    ["POST", "/api/webhooks/pagerduty", { subscription: null }],
    ["POST", "/api/webhooks/pagerduty?source=pd", { subscription: null }],
    ["POST", "/api/webhooks/pagerduty/eu-prod", { subscription: "eu-prod" }],
    ["POST", "/api/webhooks/pagerduty/eu-prod?x=1", { subscription: "eu-prod" }],
    // Not a valid label, but still a webhook: answered 404 like the Next route.
    ["POST", "/api/webhooks/pagerduty/EU%20prod", { subscription: "EU prod" }],
  ])("%s %s is a webhook delivery", (method, url, expected) => {
    expect(matchWebhookRequest(method, url)).toEqual(expected);
  });

  it.each([
    ["GET", "/api/webhooks/pagerduty"],
    ["PUT", "/api/webhooks/pagerduty/eu"],
    ["POST", "/api/webhooks/pagerduty/"],
    ["POST", "/api/webhooks/pagerduty/eu/extra"],
    ["POST", "/api/webhooks/pagerdutyx"],
    ["POST", "/api/webhooks/deliveries"],
    ["POST", "/api/health"],
    [undefined, undefined],
  ])("%s %s is left to Next", (method, url) => {
    expect(matchWebhookRequest(method, url)).toBeNull();
  });
});
