import type { OrganisationSpec, ServiceSpec, Trend } from "./organisation-types";

/**
 * The hand-written demo organisation: five teams whose stories a manager recognises at a glance.
 * - Payments (Stockholm/London): healthy weekly rotation, except one engineer who covers three
 *   weeks in a row; its nightly reconciliation job gets noisier every quarter.
 * - Platform: follow the sun, Stockholm 07:00–19:00 and New York for the other twelve hours;
 *   its flapping Edge Proxy health check is fixed in the last quarter.
 * - Checkout (London/Kolkata): healthy; owns the customer-intake service.
 * - Data (Los Angeles/New York): healthy rotation, noisy nightly Airflow jobs.
 * - Mobile (Sydney/Kolkata): two engineers carry the pager, on call every other week.
 */

const slowGrowth: Trend = (progress) => 0.9 + 0.2 * progress;

const paymentsApi: ServiceSpec = {
  name: "Payments API",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 6,
  highUrgencyShare: 0.85,
  trend: slowGrowth,
  alerts: [
    { title: "[Datadog] p99 latency above 1.5s on payments-api ({region})", weight: 3 },
    { title: "[Datadog] 5xx error rate above {pct}% on payments-api", weight: 3 },
    { title: "Card authorisation success rate below 92% (acquirer {n})", weight: 2 },
    { title: "[FIRING:1] KubePodCrashLooping payments-api ({region})", weight: 1 },
    { title: "PSP webhook backlog above 5,000 events", weight: 1 },
  ],
  staffTitles: [
    "Refunds failing for some merchants",
    "Investigating double charges reported by finance",
    "Payouts batch stuck in pending",
  ],
};

const ledgerReconciliation: ServiceSpec = {
  name: "Ledger Reconciliation",
  kind: "noisy",
  pattern: "nightly-batch",
  weeklyIncidents: 8,
  highUrgencyShare: 0.15,
  trend: (progress) => 0.8 + 0.7 * progress,
  alerts: [
    { title: "Reconciliation job ledger-recon-nightly failed (exit 1)", weight: 4 },
    { title: "Settlement file from acquirer {n} not received by 03:00", weight: 2 },
    { title: "[Datadog] Queue depth above threshold: recon-jobs", weight: 3 },
    { title: "Ledger balance drift above tolerance (shard {n})", weight: 1 },
  ],
};

const kubernetesPlatform: ServiceSpec = {
  name: "Kubernetes Platform",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 5,
  highUrgencyShare: 0.75,
  trend: slowGrowth,
  alerts: [
    { title: "[FIRING:1] KubeNodeNotReady (prod-{region})", weight: 2 },
    { title: "[FIRING:1] KubePersistentVolumeFillingUp (prod-{region})", weight: 2 },
    { title: "Cluster autoscaler cannot scale up: quota exceeded ({region})", weight: 1 },
    { title: "etcd leader changes above 3 in 10m (prod-{region})", weight: 1 },
    { title: "[FIRING:1] TargetDown: ingress-nginx (prod-{region})", weight: 1 },
  ],
  staffTitles: ["Deploys stuck in the CI queue", "Rolling back a bad node image"],
};

const edgeProxy: ServiceSpec = {
  name: "Edge Proxy",
  kind: "noisy",
  pattern: "flapping",
  weeklyIncidents: 11,
  highUrgencyShare: 0.35,
  // The flapping health check was replaced in the last quarter.
  trend: (progress) => (progress < 0.82 ? 1 : 0.3),
  alerts: [
    { title: "Health check failed: edge-{n}.{region}", weight: 5 },
    { title: "[Pingdom] DOWN: https://status-probe.example.com", weight: 2 },
    { title: "TLS handshake errors above {pct}% on edge-{n}", weight: 2 },
  ],
};

const identityService: ServiceSpec = {
  name: "Identity Service",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 3,
  highUrgencyShare: 0.8,
  alerts: [
    { title: "Login error rate above {pct}% (identity-api)", weight: 2 },
    { title: "OAuth token issuance latency p95 above {ms}ms", weight: 2 },
    { title: "SAML metadata refresh failed for tenant {n}", weight: 1 },
  ],
};

const checkoutWeb: ServiceSpec = {
  name: "Checkout Web",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 6,
  highUrgencyShare: 0.8,
  trend: slowGrowth,
  alerts: [
    { title: "[Datadog] Checkout conversion dropped {pct}% below forecast", weight: 2 },
    { title: "[Datadog] 5xx error rate above {pct}% on checkout-web", weight: 3 },
    { title: "Basket service p99 latency above {ms}ms", weight: 2 },
    { title: "CDN origin errors above threshold (checkout-assets)", weight: 1 },
  ],
  staffTitles: [
    "Promo codes not applying at checkout",
    "Feature flag rollout broke guest checkout",
  ],
};

const customerSupportEscalations: ServiceSpec = {
  name: "Customer Support Escalations",
  kind: "customer-intake",
  pattern: "customer",
  weeklyIncidents: 5,
  highUrgencyShare: 0.85,
  // Monitoring catches more before customers do, quarter after quarter.
  trend: (progress) => 1.3 - 0.6 * progress,
  alerts: [
    { title: "Customer reports: card payments declined at checkout (ticket #{ticket})", weight: 3 },
    { title: "Enterprise customer cannot log in (ticket #{ticket})", weight: 2 },
    { title: "Customers report missing order confirmation emails", weight: 2 },
    { title: "Merchant reports payouts delayed (ticket #{ticket})", weight: 2 },
    { title: "Customers report the app crashes on start-up after update", weight: 1 },
  ],
};

const dataPipeline: ServiceSpec = {
  name: "Data Pipeline",
  kind: "noisy",
  pattern: "nightly-batch",
  weeklyIncidents: 6,
  highUrgencyShare: 0.2,
  alerts: [
    { title: "Airflow DAG daily_revenue_rollup failed", weight: 3 },
    { title: "Airflow DAG events_to_warehouse missed its SLA", weight: 3 },
    { title: "Kafka consumer lag above 100k on events-{n}", weight: 2 },
    { title: "dbt run failed: {n} models errored", weight: 1 },
  ],
};

const analyticsWarehouse: ServiceSpec = {
  name: "Analytics Warehouse",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 3,
  highUrgencyShare: 0.6,
  alerts: [
    { title: "Warehouse query queue wait above 10 min", weight: 2 },
    { title: "Warehouse credit usage above daily budget", weight: 1 },
    { title: "BI dashboards stale: last refresh over 6 h ago", weight: 1 },
  ],
  staffTitles: ["Finance month-end report numbers look wrong"],
};

const mobileApi: ServiceSpec = {
  name: "Mobile API",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 5,
  highUrgencyShare: 0.8,
  trend: slowGrowth,
  alerts: [
    { title: "[Datadog] 5xx error rate above {pct}% on mobile-api", weight: 3 },
    { title: "Mobile API p99 latency above {ms}ms", weight: 2 },
    { title: "Crash-free sessions below 99% on Android", weight: 1 },
  ],
  staffTitles: ["App store release blocked by failing API contract"],
};

const pushNotifications: ServiceSpec = {
  name: "Push Notifications",
  kind: "standard",
  pattern: "business",
  weeklyIncidents: 3,
  highUrgencyShare: 0.7,
  alerts: [
    { title: "APNs delivery failures above {pct}%", weight: 2 },
    { title: "FCM send queue backlog above 50k", weight: 2 },
    { title: "Push notification worker OOMKilled", weight: 1 },
  ],
};

export const demoOrganisation: OrganisationSpec = {
  teams: [
    {
      name: "Payments",
      description: "Card payments, payouts and the ledger.",
      zone: "Europe/Stockholm",
      rotation: { kind: "weekly", swapChance: 0.05 },
      escalationDelayMinutes: 15,
      members: [
        { zone: "Europe/Stockholm", onCall: "secondary" },
        { zone: "Europe/Stockholm", onCall: "primary", streakWeeks: 3 },
        { zone: "Europe/Stockholm", onCall: "primary" },
        { zone: "Europe/London", onCall: "primary", holidayRegion: "SE" },
        { zone: "Europe/London", onCall: "primary" },
        { zone: "Europe/Stockholm", onCall: "primary", withoutTimeZone: true },
        { zone: "Europe/Stockholm", onCall: "secondary" },
      ],
      services: [paymentsApi, ledgerReconciliation],
    },
    {
      name: "Platform",
      description:
        "Kubernetes, the edge and identity; follows the sun between Stockholm and New York.",
      zone: "Europe/Stockholm",
      rotation: { kind: "follow-the-sun", dayStartHour: 7, swapChance: 0.04 },
      escalationDelayMinutes: 15,
      members: [
        { zone: "Europe/Stockholm", onCall: "secondary" },
        { zone: "Europe/Stockholm", onCall: "primary", half: "day" },
        { zone: "Europe/Stockholm", onCall: "primary", half: "day" },
        { zone: "Europe/Stockholm", onCall: "primary", half: "day" },
        { zone: "Europe/Stockholm", onCall: "primary", half: "day" },
        { zone: "America/New_York", onCall: "primary", half: "night" },
        { zone: "America/New_York", onCall: "primary", half: "night" },
        { zone: "America/New_York", onCall: "primary", half: "night" },
        { zone: "America/New_York", onCall: "primary", half: "night" },
      ],
      services: [kubernetesPlatform, edgeProxy, identityService],
    },
    {
      name: "Checkout",
      description: "Web checkout, basket and the customer escalation desk.",
      zone: "Europe/London",
      rotation: { kind: "weekly", swapChance: 0.06 },
      escalationDelayMinutes: 30,
      members: [
        { zone: "Europe/London", onCall: "secondary" },
        { zone: "Europe/London", onCall: "primary" },
        { zone: "Europe/London", onCall: "primary", withoutTimeZone: true },
        { zone: "Europe/London", onCall: "primary" },
        { zone: "Asia/Kolkata", onCall: "primary" },
        { zone: "Asia/Kolkata", onCall: "primary" },
        { zone: "Asia/Kolkata", onCall: "primary" },
      ],
      services: [checkoutWeb, customerSupportEscalations],
    },
    {
      name: "Data",
      description: "Event pipeline, warehouse and reporting.",
      zone: "America/Los_Angeles",
      rotation: { kind: "weekly", swapChance: 0.05 },
      escalationDelayMinutes: 30,
      members: [
        { zone: "America/New_York", onCall: "none" },
        { zone: "America/Los_Angeles", onCall: "primary" },
        { zone: "America/Los_Angeles", onCall: "primary" },
        { zone: "America/Los_Angeles", onCall: "primary" },
        { zone: "America/Los_Angeles", onCall: "primary" },
        { zone: "America/New_York", onCall: "primary" },
      ],
      services: [dataPipeline, analyticsWarehouse],
    },
    {
      name: "Mobile",
      description: "Mobile API and push notifications; two engineers carry the pager.",
      zone: "Australia/Sydney",
      rotation: { kind: "weekly", swapChance: 0 },
      escalationDelayMinutes: 15,
      members: [
        { zone: "Australia/Sydney", onCall: "secondary" },
        { zone: "Australia/Sydney", onCall: "primary" },
        { zone: "Australia/Sydney", onCall: "primary" },
        { zone: "Australia/Sydney", onCall: "secondary" },
        { zone: "Asia/Kolkata", onCall: "secondary" },
      ],
      services: [mobileApi, pushNotifications],
    },
  ],
  supportAgentZones: ["Europe/London", "Europe/London", "America/New_York"],
  pagingTest: { weekday: 3, hour: 11 },
  timeInLieuOverrides: ["Platform"],
};
