import { describe, expect, it } from "vitest";
import {
  classifyDetection,
  customerFirstRate,
  DEFAULT_DETECTION_RULES,
  type DetectionInput,
  type DetectionRules,
  detectionRulesSchema,
} from "./detection-source";

function incident(overrides: Partial<DetectionInput>): DetectionInput {
  return {
    title: "Checkout latency above SLO",
    serviceName: "Checkout API",
    serviceIsCustomerIntake: null,
    serviceIsPagingTest: null,
    reportedDetectionSource: null,
    override: null,
    triggerChannel: null,
    triggerAgentType: null,
    triggerEmailFrom: null,
    ...overrides,
  };
}

const eventsApiTrigger = {
  triggerChannel: "events_api",
  triggerAgentType: "inbound_integration_reference",
} as const;

describe("classifyDetection: each rule", () => {
  it("lets a manual override win over everything", () => {
    const result = classifyDetection(
      incident({ override: "staff", title: "Paging test", serviceName: "Customer Support" }),
    );
    expect(result).toEqual({ source: "staff", rule: "manual override" });
  });

  it("marks a title matching the test pattern, case-insensitively, as a test", () => {
    expect(
      classifyDetection(incident({ title: "Weekly PAGING TEST", ...eventsApiTrigger })),
    ).toEqual({ source: "test", rule: "title matches the test pattern /paging test|test page/i" });
  });

  it("marks a service named like the test pattern as a test unless the admin unflags it", () => {
    const named = incident({ serviceName: "Test page sender" });
    expect(classifyDetection(named).rule).toBe(
      "service 'Test page sender' matches the test pattern /paging test|test page/i",
    );
    expect(classifyDetection({ ...named, serviceIsPagingTest: false }).source).toBe("unknown");
    expect(classifyDetection(incident({ serviceIsPagingTest: true })).source).toBe("test");
  });

  it("ranks test above customer: a paging test on a support service is a test", () => {
    const result = classifyDetection(incident({ serviceName: "Support", title: "test page" }));
    expect(result.source).toBe("test");
  });

  it("treats a service whose name contains customer or support as customer intake by default", () => {
    const result = classifyDetection(
      incident({ serviceName: "Customer Support Escalations", ...eventsApiTrigger }),
    );
    expect(result).toEqual({
      source: "customer",
      rule: "service 'Customer Support Escalations' is a customer-intake service (name matches /customer|support/i)",
    });
  });

  it("lets an admin flag decide customer intake both ways", () => {
    const flagged = incident({ serviceName: "Zendesk bridge", serviceIsCustomerIntake: true });
    expect(classifyDetection(flagged)).toEqual({
      source: "customer",
      rule: "service 'Zendesk bridge' is a customer-intake service",
    });
    const unflagged = incident({
      serviceName: "Support tooling",
      serviceIsCustomerIntake: false,
      ...eventsApiTrigger,
    });
    expect(classifyDetection(unflagged).source).toBe("monitoring");
  });

  it("uses the imported detection_source column when it says customer", () => {
    const result = classifyDetection(
      incident({ reportedDetectionSource: "customer", ...eventsApiTrigger }),
    );
    expect(result).toEqual({
      source: "customer",
      rule: "the imported detection_source says customer",
    });
  });

  it("uses the customer title pattern only when one is set", () => {
    const reported = incident({ title: "[Customer] cannot log in", serviceName: "Auth" });
    expect(classifyDetection(reported).source).toBe("unknown");
    const rules: DetectionRules = {
      ...DEFAULT_DETECTION_RULES,
      customerTitlePattern: "^\\[customer\\]",
    };
    expect(classifyDetection(reported, rules).rule).toBe(
      "title matches the customer pattern /^\\[customer\\]/i",
    );
  });

  it("marks an e-mail from a support domain (or its subdomain) as customer", () => {
    const rules = { ...DEFAULT_DETECTION_RULES, supportEmailDomains: ["example.com"] };
    const fromSupport = incident({
      triggerChannel: "email",
      triggerAgentType: "generic_email_inbound_integration_reference",
      triggerEmailFrom: "Help Desk <desk@help.Example.com>",
    });
    expect(classifyDetection(fromSupport, rules)).toEqual({
      source: "customer",
      rule: "e-mail from a support domain (help.example.com)",
    });
    // notexample.com must not pass as a subdomain of example.com
    const lookalike = { ...fromSupport, triggerEmailFrom: "alerts@notexample.com" };
    expect(classifyDetection(lookalike, rules)).toEqual({
      source: "monitoring",
      rule: "triggered by an integration (email integration)",
    });
  });

  it("marks Events API and other integration triggers as monitoring", () => {
    expect(classifyDetection(incident(eventsApiTrigger)).rule).toBe(
      "triggered by an integration (Events API)",
    );
    // Webhook payloads carry the agent but no channel.
    expect(
      classifyDetection(incident({ triggerAgentType: "inbound_integration_reference" })).rule,
    ).toBe("triggered by an integration (inbound integration)");
    expect(
      classifyDetection(incident({ triggerChannel: "api", triggerAgentType: "service_reference" }))
        .rule,
    ).toBe("triggered by an integration (REST API)");
  });

  it("marks a person in the web or mobile app as staff", () => {
    const web = incident({ triggerChannel: "web_trigger", triggerAgentType: "user_reference" });
    expect(classifyDetection(web)).toEqual({
      source: "staff",
      rule: "triggered by a person in the web app",
    });
    expect(classifyDetection(incident({ triggerChannel: "mobile" })).rule).toBe(
      "triggered by a person in the mobile app",
    );
    expect(classifyDetection(incident({ triggerAgentType: "user_reference" })).rule).toBe(
      "triggered by a person",
    );
  });

  it("does not guess when a person's token calls the REST API", () => {
    const scripted = incident({ triggerChannel: "api", triggerAgentType: "user_reference" });
    expect(classifyDetection(scripted)).toEqual({ source: "unknown", rule: "no rule matched" });
  });

  it("falls back to the imported column for monitoring and staff when the trigger is unknown", () => {
    expect(classifyDetection(incident({ reportedDetectionSource: "monitoring" })).source).toBe(
      "monitoring",
    );
    expect(classifyDetection(incident({ reportedDetectionSource: "staff" })).source).toBe("staff");
    expect(classifyDetection(incident({ reportedDetectionSource: "test" })).source).toBe("test");
  });

  it("does not throw on a broken pattern: that rule matches nothing", () => {
    const broken: DetectionRules = { ...DEFAULT_DETECTION_RULES, testPattern: "paging (test" };
    expect(classifyDetection(incident({ title: "paging (test" }), broken).source).toBe("unknown");
  });
});

describe("detectionRulesSchema", () => {
  it("accepts the defaults", () => {
    expect(detectionRulesSchema.parse(DEFAULT_DETECTION_RULES)).toEqual(DEFAULT_DETECTION_RULES);
  });

  it("rejects an invalid regex with a message naming it", () => {
    const result = detectionRulesSchema.safeParse({
      ...DEFAULT_DETECTION_RULES,
      customerTitlePattern: "[customer",
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(["customerTitlePattern"]);
    expect(issue?.message).toMatch(/^"\[customer" is not a valid regular expression/);
  });

  it("rejects an empty pattern, which would match every incident", () => {
    const result = detectionRulesSchema.safeParse({ ...DEFAULT_DETECTION_RULES, testPattern: "" });
    expect(result.success).toBe(false);
  });

  it("normalises support domains and rejects addresses", () => {
    const parsed = detectionRulesSchema.parse({
      ...DEFAULT_DETECTION_RULES,
      supportEmailDomains: [" @Support.Example.com "],
    });
    expect(parsed.supportEmailDomains).toEqual(["support.example.com"]);
    const bad = detectionRulesSchema.safeParse({
      ...DEFAULT_DETECTION_RULES,
      supportEmailDomains: ["help@example.com"],
    });
    expect(bad.success).toBe(false);
  });
});

describe("customerFirstRate", () => {
  it("divides customer by all non-test incidents", () => {
    // 3 customer of 3 + 5 monitoring + 1 staff + 1 unknown = 10 → 0.3; the 7 tests do not count.
    const counts = { customer: 3, monitoring: 5, staff: 1, unknown: 1, test: 7 };
    expect(customerFirstRate(counts)).toBe(0.3);
  });

  it("is null when every incident was a test", () => {
    expect(customerFirstRate({ customer: 0, monitoring: 0, staff: 0, unknown: 0, test: 4 })).toBe(
      null,
    );
  });
});
