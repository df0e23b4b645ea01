/**
 * Detection source (PRODUCT.md → Definitions → "Detection source"): who noticed an incident
 * first. The first matching rule wins, in this order, and the rule is shown beside the answer:
 * manual override → test → customer → monitoring → staff → unknown.
 */
import { z } from "zod";

/** Mirrors the Prisma `DetectionSource` enum (lib/metrics must not import Prisma). */
export const DETECTION_SOURCES = ["monitoring", "customer", "staff", "unknown", "test"] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

/** The detection rules an admin edits in settings. Patterns are case-insensitive regexes. */
export interface DetectionRules {
  /** Service names or titles of paging tests. */
  testPattern: string;
  /** Service names that make a service customer intake unless an admin says otherwise. */
  customerServicePattern: string;
  /** Titles that mark a customer report (e.g. "^\[customer\]"); null = no title rule. */
  customerTitlePattern: string | null;
  /** Domains whose inbound e-mail is a customer report (e.g. "support.example.com"). */
  supportEmailDomains: string[];
}

export const DEFAULT_DETECTION_RULES: DetectionRules = {
  testPattern: "paging test|test page",
  customerServicePattern: "customer|support",
  customerTitlePattern: null,
  supportEmailDomains: [],
};

function regexIssue(source: string): string | null {
  try {
    new RegExp(source, "i");
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `"${source}" is not a valid regular expression (${reason})`;
  }
}

// An empty pattern matches every string, which would turn every incident into a test.
const regexPatternSchema = z
  .string()
  .min(1, "The pattern must not be empty: it would match every incident.")
  .superRefine((source, context) => {
    const issue = regexIssue(source);
    if (issue) context.addIssue({ code: "custom", message: issue });
  });

const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
        "Enter a domain such as support.example.com (no @, no spaces).",
      ),
  );

/** Validates detection settings so an invalid regex is refused when saved, with a message. */
export const detectionRulesSchema = z.object({
  testPattern: regexPatternSchema,
  customerServicePattern: regexPatternSchema,
  customerTitlePattern: regexPatternSchema.nullable(),
  supportEmailDomains: z.array(emailDomainSchema),
});

/** What classification needs to know about one incident and its service and trigger. */
export interface DetectionInput {
  title: string;
  serviceName: string | null;
  /** Admin flag; null = the default rule (name matches the customer pattern). */
  serviceIsCustomerIntake: boolean | null;
  /** Admin flag; null = the default rule (name matches the test pattern). */
  serviceIsPagingTest: boolean | null;
  /** A detection source stated by the data itself (`detection_source` field or CSV column). */
  reportedDetectionSource: DetectionSource | null;
  /** Set by a person in the UI. */
  override: DetectionSource | null;
  /** The trigger log entry's channel type: events_api, email, web_trigger, api, … */
  triggerChannel: string | null;
  /** The trigger log entry's agent type: inbound_integration_reference, user_reference, … */
  triggerAgentType: string | null;
  /** Sender of the e-mail that triggered the incident, for e-mail integrations. */
  triggerEmailFrom: string | null;
}

export interface DetectionResult {
  source: DetectionSource;
  /** The rule that decided, in words shown on screen. */
  rule: string;
}

const compiledPatterns = new Map<string, RegExp | null>();

/**
 * Settings are validated when saved, but rules loaded from an older row or passed in directly
 * may still hold a broken regex; classification must never throw, so such a rule matches nothing.
 */
function compilePattern(source: string | null): RegExp | null {
  if (!source) return null;
  if (!compiledPatterns.has(source)) {
    compiledPatterns.set(source, regexIssue(source) ? null : new RegExp(source, "i"));
  }
  return compiledPatterns.get(source) ?? null;
}

const INTEGRATION_CHANNEL_LABELS: Record<string, string> = {
  events_api: "Events API",
  events_api_v1: "Events API v1",
  events_api_v2: "Events API v2",
  api: "REST API",
  email: "email integration",
  integration: "integration",
};

const PERSON_CHANNEL_LABELS: Record<string, string> = {
  web_trigger: "the web app",
  web: "the web app",
  website: "the web app",
  mobile: "the mobile app",
  mobile_app: "the mobile app",
};

const USER_AGENT = "user_reference";

// PagerDuty names integration agents `*inbound_integration_reference` (and `*_integration_reference`).
const isIntegrationAgent = (agentType: string | null) =>
  agentType?.endsWith("integration_reference") ?? false;

function emailDomain(address: string): string | null {
  const match = /@([^\s@>]+)\s*>?\s*$/.exec(address.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

function isSupportDomain(domain: string, supportDomains: readonly string[]): boolean {
  return supportDomains.some((support) => {
    const wanted = support.toLowerCase().replace(/^@/, "");
    return domain === wanted || domain.endsWith(`.${wanted}`);
  });
}

function testRule(incident: DetectionInput, rules: DetectionRules): string | null {
  const service = incident.serviceName;
  if (incident.serviceIsPagingTest === true) {
    return `service '${service ?? "unnamed"}' is marked as a paging-test service`;
  }
  const pattern = compilePattern(rules.testPattern);
  if (incident.serviceIsPagingTest === null && service && pattern?.test(service)) {
    return `service '${service}' matches the test pattern /${rules.testPattern}/i`;
  }
  if (pattern?.test(incident.title)) {
    return `title matches the test pattern /${rules.testPattern}/i`;
  }
  if (incident.reportedDetectionSource === "test") return "the imported detection_source says test";
  return null;
}

function customerRule(incident: DetectionInput, rules: DetectionRules): string | null {
  const service = incident.serviceName;
  if (incident.serviceIsCustomerIntake === true) {
    return `service '${service ?? "unnamed"}' is a customer-intake service`;
  }
  const servicePattern = compilePattern(rules.customerServicePattern);
  if (incident.serviceIsCustomerIntake === null && service && servicePattern?.test(service)) {
    return `service '${service}' is a customer-intake service (name matches /${rules.customerServicePattern}/i)`;
  }
  if (incident.reportedDetectionSource === "customer") {
    return "the imported detection_source says customer";
  }
  const titlePattern = compilePattern(rules.customerTitlePattern);
  if (titlePattern?.test(incident.title)) {
    return `title matches the customer pattern /${rules.customerTitlePattern}/i`;
  }
  const domain = incident.triggerEmailFrom ? emailDomain(incident.triggerEmailFrom) : null;
  if (domain && isSupportDomain(domain, rules.supportEmailDomains)) {
    return `e-mail from a support domain (${domain})`;
  }
  return null;
}

function monitoringRule(incident: DetectionInput): string | null {
  const channel = incident.triggerChannel?.toLowerCase() ?? null;
  const agent = incident.triggerAgentType;
  const channelLabel = channel ? INTEGRATION_CHANNEL_LABELS[channel] : undefined;
  if (isIntegrationAgent(agent)) {
    return `triggered by an integration (${channelLabel ?? "inbound integration"})`;
  }
  // A REST API call made with a person's token may be a script or a person; it is not assumed
  // to be monitoring.
  if (channelLabel && agent !== USER_AGENT) {
    return `triggered by an integration (${channelLabel})`;
  }
  if (incident.reportedDetectionSource === "monitoring") {
    return "the imported detection_source says monitoring";
  }
  return null;
}

function staffRule(incident: DetectionInput): string | null {
  const channel = incident.triggerChannel?.toLowerCase() ?? null;
  const place = channel ? PERSON_CHANNEL_LABELS[channel] : undefined;
  if (place) return `triggered by a person in ${place}`;
  // Webhooks carry the agent but no channel: a user agent with no channel is a person too.
  if (channel === null && incident.triggerAgentType === USER_AGENT) {
    return "triggered by a person";
  }
  if (incident.reportedDetectionSource === "staff") {
    return "the imported detection_source says staff";
  }
  return null;
}

/**
 * Classifies an incident's detection source with PRODUCT.md's rules, first match wins:
 * manual override → test → customer → monitoring → staff → unknown.
 * Never throws: a broken pattern in `rules` simply matches nothing.
 */
export function classifyDetection(
  incident: DetectionInput,
  rules: DetectionRules = DEFAULT_DETECTION_RULES,
): DetectionResult {
  if (incident.override) return { source: incident.override, rule: "manual override" };
  const test = testRule(incident, rules);
  if (test) return { source: "test", rule: test };
  const customer = customerRule(incident, rules);
  if (customer) return { source: "customer", rule: customer };
  const monitoring = monitoringRule(incident);
  if (monitoring) return { source: "monitoring", rule: monitoring };
  const staff = staffRule(incident);
  if (staff) return { source: "staff", rule: staff };
  return { source: "unknown", rule: "no rule matched" };
}

/**
 * Customer-reported-first rate = customer ÷ all non-test incidents in the period
 * (PRODUCT.md). Null when there are no non-test incidents, so a chart shows a gap, not 0 %.
 */
export function customerFirstRate(
  counts: Readonly<Record<DetectionSource, number>>,
): number | null {
  const nonTest = counts.monitoring + counts.customer + counts.staff + counts.unknown;
  return nonTest === 0 ? null : counts.customer / nonTest;
}
