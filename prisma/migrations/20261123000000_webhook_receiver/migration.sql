-- AlterTable
ALTER TABLE "incident_log_entries" ADD COLUMN     "is_from_webhook" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "webhook_secrets" ADD COLUMN     "last_used_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "byte_size" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3),
ADD COLUMN     "replayed_from" TEXT,
ADD COLUMN     "status_code" INTEGER NOT NULL DEFAULT 202,
ADD COLUMN     "subscription" TEXT;

-- AlterTable
ALTER TABLE "applied_webhook_events" ADD COLUMN     "event_type" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "has_incident_data" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "incident_created_at" TIMESTAMPTZ(3),
ADD COLUMN     "incident_pagerduty_id" TEXT,
ADD COLUMN     "incident_status" "incident_status",
ADD COLUMN     "occurred_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "applied_webhook_events_incident_pagerduty_id_occurred_at_idx" ON "applied_webhook_events"("incident_pagerduty_id", "occurred_at");

