import { offHoursAlertBudgetOfKinds } from "@/lib/metrics/alert-kinds";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import type { Report } from "@/lib/shared/report";
import { Prisma } from "@/prisma/generated/client/client";
import { listServiceNoise, type ServiceNoise } from "../queries/list-service-noise";
import type { IncidentScope } from "../sql/incident-scope";
import type { PersonSummary } from "./summarise-people";

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
 * alert kinds (each person's already grouped by kind; services named as they are now).
 */
export async function serviceNoiseRows(
  db: PrismaClient,
  noise: readonly ServiceNoise[],
  settings: MetricSettings,
  people: readonly Pick<PersonSummary, "offHoursAlerts">[],
): Promise<Pick<Report, "services" | "offHoursAlertBudget">> {
  const alerts = people.flatMap((person) => person.offHoursAlerts);
  const offHoursByService = new Map<number | null, number>();
  for (const alert of alerts) {
    offHoursByService.set(
      alert.serviceId,
      (offHoursByService.get(alert.serviceId) ?? 0) + alert.interruptions,
    );
  }
  const serviceIds = [...offHoursByService.keys()].filter((id): id is number => id !== null);
  const names = new Map(
    (
      await db.$queryRaw<{ id: number; name: string }[]>(
        Prisma.sql`SELECT id, name FROM services WHERE id = ANY(${serviceIds}::int[])`,
      )
    ).map((service) => [service.id, service.name]),
  );
  const services = noise.map((service) => ({
    name: service.name,
    pagerdutyId: service.pagerdutyId,
    incidents: service.incidents,
    autoResolvedUnacknowledged: service.autoResolvedUnacknowledged,
    neverAcknowledged: service.neverAcknowledged,
    autoResolvedShare: service.autoResolvedShare,
    offHoursInterruptions: offHoursByService.get(service.serviceId) ?? 0,
  }));
  const kinds = alerts.map((alert) => ({
    ...alert,
    serviceName: alert.serviceId === null ? null : (names.get(alert.serviceId) ?? null),
  }));
  return {
    services,
    offHoursAlertBudget: offHoursAlertBudgetOfKinds(
      kinds,
      settings.noise.offHoursAlertKindsAllowed,
    ),
  };
}
