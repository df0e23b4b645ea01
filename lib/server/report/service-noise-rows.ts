import { type OffHoursAlert, offHoursAlertBudget } from "@/lib/metrics/alert-kinds";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import type { Report } from "@/lib/shared/report";
import { listIncidentTitles } from "../queries/list-incident-titles";
import { listServiceNoise, type ServiceNoise } from "../queries/list-service-noise";
import type { IncidentScope } from "../sql/incident-scope";
import type { PeopleSummary } from "./summarise-people";

/** The noise of each service in scope (from SQL), read apart so it can run beside the people. */
export function listReportServiceNoise(
  db: PrismaClient,
  scope: IncidentScope,
  settings: MetricSettings,
): Promise<ServiceNoise[]> {
  return listServiceNoise(db, scope, { autoResolveMinutes: settings.noise.autoResolveMinutes });
}

/**
 * Noise per service (PRODUCT.md › Noise): auto-resolved and never-acknowledged incidents from SQL
 * (`listReportServiceNoise`), plus the off-hours interruptions of the report's people by the
 * service of the incident behind each, and the off-hours alert budget over those interruptions'
 * alert kinds.
 */
export async function serviceNoiseRows(
  db: PrismaClient,
  noise: readonly ServiceNoise[],
  settings: MetricSettings,
  people: Pick<PeopleSummary, "offHoursInterruptionsByIncident">,
): Promise<Pick<Report, "services" | "offHoursAlertBudget">> {
  const byIncident = people.offHoursInterruptionsByIncident;
  const titles = await listIncidentTitles(db, [...byIncident.keys()]);
  const alerts: OffHoursAlert[] = [];
  const offHoursByService = new Map<number | null, number>();
  for (const incident of titles) {
    const count = byIncident.get(incident.id) ?? 0;
    offHoursByService.set(
      incident.serviceId,
      (offHoursByService.get(incident.serviceId) ?? 0) + count,
    );
    if (count > 0) alerts.push({ ...incident, interruptions: count });
  }
  const services = noise.map((service) => ({
    name: service.name,
    pagerdutyId: service.pagerdutyId,
    incidents: service.incidents,
    autoResolvedUnacknowledged: service.autoResolvedUnacknowledged,
    neverAcknowledged: service.neverAcknowledged,
    autoResolvedShare: service.autoResolvedShare,
    offHoursInterruptions: offHoursByService.get(service.serviceId) ?? 0,
  }));
  return {
    services,
    offHoursAlertBudget: offHoursAlertBudget(alerts, settings.noise.offHoursAlertKindsAllowed),
  };
}
