-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "shift_source" AS ENUM ('pagerduty_oncalls', 'ical', 'shifts_csv', 'demo_seed');

-- CreateEnum
CREATE TYPE "incident_status" AS ENUM ('triggered', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "urgency" AS ENUM ('high', 'low');

-- CreateEnum
CREATE TYPE "detection_source" AS ENUM ('monitoring', 'customer', 'staff', 'unknown', 'test');

-- CreateEnum
CREATE TYPE "page_channel" AS ENUM ('phone', 'sms', 'push', 'email', 'other');

-- CreateEnum
CREATE TYPE "import_source" AS ENUM ('file', 'rest_sync', 'webhook_replay', 'demo_seed');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('running', 'succeeded', 'failed', 'dry_run');

-- CreateEnum
CREATE TYPE "webhook_verdict" AS ENUM ('pending', 'applied', 'duplicate', 'ignored', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "time_in_lieu_kind" AS ENUM ('accrual', 'adjustment', 'claim', 'expiry');

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "time_zone" TEXT,
    "holiday_region" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_memberships" (
    "team_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'responder',

    CONSTRAINT "team_memberships_pkey" PRIMARY KEY ("team_id","person_id")
);

-- CreateTable
CREATE TABLE "services" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT,
    "escalation_policy_id" INTEGER,
    "is_customer_intake" BOOLEAN,
    "is_paging_test" BOOLEAN,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_teams" (
    "service_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,

    CONSTRAINT "service_teams_pkey" PRIMARY KEY ("service_id","team_id")
);

-- CreateTable
CREATE TABLE "escalation_policies" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT,
    "name" TEXT NOT NULL,
    "num_loops" INTEGER NOT NULL DEFAULT 0,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "escalation_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_policy_teams" (
    "escalation_policy_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,

    CONSTRAINT "escalation_policy_teams_pkey" PRIMARY KEY ("escalation_policy_id","team_id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT,
    "name" TEXT NOT NULL,
    "time_zone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedule_teams" (
    "schedule_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,

    CONSTRAINT "schedule_teams_pkey" PRIMARY KEY ("schedule_id","team_id")
);

-- CreateTable
CREATE TABLE "on_call_shifts" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "schedule_id" INTEGER,
    "escalation_policy_id" INTEGER,
    "level" INTEGER NOT NULL DEFAULT 1,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "source" "shift_source" NOT NULL,
    "source_key" TEXT NOT NULL,
    "import_run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "on_call_shifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT NOT NULL,
    "number" INTEGER,
    "title" TEXT NOT NULL,
    "service_id" INTEGER,
    "urgency" "urgency" NOT NULL DEFAULT 'high',
    "priority" TEXT,
    "status" "incident_status" NOT NULL,
    "incident_key" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "started_at_source" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "status_changed_at" TIMESTAMPTZ(3),
    "resolved_by_merge" BOOLEAN NOT NULL DEFAULT false,
    "merged_into_pagerduty_id" TEXT,
    "trigger_channel" TEXT,
    "reported_detection_source" "detection_source",
    "detection_override" "detection_source",
    "detection_source" "detection_source" NOT NULL DEFAULT 'unknown',
    "detection_rule" TEXT NOT NULL DEFAULT 'no rule matched',
    "raw" JSONB,
    "import_run_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_teams" (
    "incident_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    "incident_created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_teams_pkey" PRIMARY KEY ("incident_id","team_id")
);

-- CreateTable
CREATE TABLE "incident_log_entries" (
    "id" SERIAL NOT NULL,
    "pagerduty_id" TEXT NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "agent_type" TEXT,
    "agent_pagerduty_id" TEXT,
    "channel_type" TEXT,
    "notification_type" TEXT,
    "person_id" INTEGER,
    "summary" TEXT,
    "raw" JSONB,
    "import_run_id" INTEGER,

    CONSTRAINT "incident_log_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pages" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "channel" "page_channel" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "log_entry_id" INTEGER,

    CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_runs" (
    "id" SERIAL NOT NULL,
    "batch_id" TEXT,
    "source" "import_source" NOT NULL,
    "format" TEXT,
    "file_name" TEXT,
    "status" "import_status" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error_message" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rejected_rows" (
    "id" SERIAL NOT NULL,
    "import_run_id" INTEGER NOT NULL,
    "file_name" TEXT,
    "line_number" INTEGER,
    "reason" TEXT NOT NULL,
    "raw_row" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_checkpoints" (
    "resource" TEXT NOT NULL,
    "cursor" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_checkpoints_pkey" PRIMARY KEY ("resource")
);

-- CreateTable
CREATE TABLE "webhook_secrets" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "webhook_id" TEXT,
    "event_id" TEXT,
    "event_type" TEXT,
    "incident_pagerduty_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" BYTEA NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "verdict" "webhook_verdict" NOT NULL DEFAULT 'pending',
    "verdict_reason" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "changes" JSONB,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applied_webhook_events" (
    "event_id" TEXT NOT NULL,
    "delivery_id" INTEGER NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "applied_webhook_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "holidays" (
    "id" SERIAL NOT NULL,
    "region" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "is_holiday" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "time_in_lieu_policies" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "minimum_off_minutes" INTEGER NOT NULL DEFAULT 60,
    "minimum_sleep_minutes" INTEGER NOT NULL DEFAULT 120,
    "round_up_to_minutes" INTEGER NOT NULL DEFAULT 15,
    "cap_minutes" INTEGER NOT NULL DEFAULT 720,
    "weekend_multiplier_percent" INTEGER NOT NULL DEFAULT 150,
    "holiday_multiplier_percent" INTEGER NOT NULL DEFAULT 200,
    "expiry_days" INTEGER NOT NULL DEFAULT 90,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "time_in_lieu_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "time_in_lieu_entries" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "team_id" INTEGER,
    "kind" "time_in_lieu_kind" NOT NULL,
    "minutes" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "status" "claim_status",
    "rule" TEXT,
    "note" TEXT,
    "source_key" TEXT,
    "related_entry_id" INTEGER,
    "created_by" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "time_in_lieu_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "people_pagerduty_id_key" ON "people"("pagerduty_id");

-- CreateIndex
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");

-- CreateIndex
CREATE UNIQUE INDEX "teams_pagerduty_id_key" ON "teams"("pagerduty_id");

-- CreateIndex
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

-- CreateIndex
CREATE INDEX "team_memberships_person_id_idx" ON "team_memberships"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "services_pagerduty_id_key" ON "services"("pagerduty_id");

-- CreateIndex
CREATE INDEX "services_name_idx" ON "services"("name");

-- CreateIndex
CREATE INDEX "service_teams_team_id_idx" ON "service_teams"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_policies_pagerduty_id_key" ON "escalation_policies"("pagerduty_id");

-- CreateIndex
CREATE INDEX "escalation_policy_teams_team_id_idx" ON "escalation_policy_teams"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_pagerduty_id_key" ON "schedules"("pagerduty_id");

-- CreateIndex
CREATE INDEX "schedules_name_idx" ON "schedules"("name");

-- CreateIndex
CREATE INDEX "schedule_teams_team_id_idx" ON "schedule_teams"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "on_call_shifts_source_key_key" ON "on_call_shifts"("source_key");

-- CreateIndex
CREATE INDEX "on_call_shifts_person_id_start_at_idx" ON "on_call_shifts"("person_id", "start_at");

-- CreateIndex
CREATE INDEX "on_call_shifts_schedule_id_start_at_idx" ON "on_call_shifts"("schedule_id", "start_at");

-- CreateIndex
CREATE INDEX "on_call_shifts_start_at_idx" ON "on_call_shifts"("start_at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_pagerduty_id_key" ON "incidents"("pagerduty_id");

-- CreateIndex
CREATE INDEX "incidents_service_id_created_at_idx" ON "incidents"("service_id", "created_at");

-- CreateIndex
CREATE INDEX "incidents_created_at_idx" ON "incidents"("created_at");

-- CreateIndex
CREATE INDEX "incidents_detection_source_created_at_idx" ON "incidents"("detection_source", "created_at");

-- CreateIndex
CREATE INDEX "incident_teams_team_id_incident_created_at_idx" ON "incident_teams"("team_id", "incident_created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incident_log_entries_pagerduty_id_key" ON "incident_log_entries"("pagerduty_id");

-- CreateIndex
CREATE INDEX "incident_log_entries_incident_id_at_idx" ON "incident_log_entries"("incident_id", "at");

-- CreateIndex
CREATE INDEX "incident_log_entries_person_id_at_idx" ON "incident_log_entries"("person_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "pages_log_entry_id_key" ON "pages"("log_entry_id");

-- CreateIndex
CREATE INDEX "pages_person_id_at_idx" ON "pages"("person_id", "at");

-- CreateIndex
CREATE INDEX "pages_incident_id_idx" ON "pages"("incident_id");

-- CreateIndex
CREATE INDEX "import_runs_started_at_idx" ON "import_runs"("started_at");

-- CreateIndex
CREATE INDEX "import_runs_batch_id_idx" ON "import_runs"("batch_id");

-- CreateIndex
CREATE INDEX "rejected_rows_import_run_id_line_number_idx" ON "rejected_rows"("import_run_id", "line_number");

-- CreateIndex
CREATE INDEX "webhook_secrets_label_idx" ON "webhook_secrets"("label");

-- CreateIndex
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries"("received_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries"("event_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_verdict_received_at_idx" ON "webhook_deliveries"("verdict", "received_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_incident_pagerduty_id_occurred_at_idx" ON "webhook_deliveries"("incident_pagerduty_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "holidays_region_date_key" ON "holidays"("region", "date");

-- CreateIndex
CREATE UNIQUE INDEX "time_in_lieu_policies_team_id_effective_from_key" ON "time_in_lieu_policies"("team_id", "effective_from");

-- CreateIndex
CREATE INDEX "time_in_lieu_entries_person_id_occurred_at_idx" ON "time_in_lieu_entries"("person_id", "occurred_at");

-- CreateIndex
CREATE INDEX "time_in_lieu_entries_team_id_status_idx" ON "time_in_lieu_entries"("team_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "time_in_lieu_entries_kind_source_key_key" ON "time_in_lieu_entries"("kind", "source_key");

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_escalation_policy_id_fkey" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_teams" ADD CONSTRAINT "service_teams_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_teams" ADD CONSTRAINT "service_teams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_policy_teams" ADD CONSTRAINT "escalation_policy_teams_escalation_policy_id_fkey" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_policy_teams" ADD CONSTRAINT "escalation_policy_teams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_teams" ADD CONSTRAINT "schedule_teams_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_teams" ADD CONSTRAINT "schedule_teams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_escalation_policy_id_fkey" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_teams" ADD CONSTRAINT "incident_teams_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_teams" ADD CONSTRAINT "incident_teams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_log_entries" ADD CONSTRAINT "incident_log_entries_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_log_entries" ADD CONSTRAINT "incident_log_entries_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_log_entries" ADD CONSTRAINT "incident_log_entries_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_log_entry_id_fkey" FOREIGN KEY ("log_entry_id") REFERENCES "incident_log_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rejected_rows" ADD CONSTRAINT "rejected_rows_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_in_lieu_policies" ADD CONSTRAINT "time_in_lieu_policies_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_in_lieu_entries" ADD CONSTRAINT "time_in_lieu_entries_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_in_lieu_entries" ADD CONSTRAINT "time_in_lieu_entries_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_in_lieu_entries" ADD CONSTRAINT "time_in_lieu_entries_related_entry_id_fkey" FOREIGN KEY ("related_entry_id") REFERENCES "time_in_lieu_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

