-- DropIndex
DROP INDEX "incidents_created_at_idx";

-- CreateTable
CREATE TABLE "incident_measure_rollups" (
    "kind" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "range_start" TIMESTAMPTZ(3) NOT NULL,
    "range_end" TIMESTAMPTZ(3) NOT NULL,
    "measures" JSONB NOT NULL,
    "snapshot" pg_snapshot NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_measure_rollups_pkey" PRIMARY KEY ("kind","urgency","range_start","range_end")
);

-- CreateTable
CREATE TABLE "incident_measure_changes" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "changed_by" xid8 NOT NULL DEFAULT pg_current_xact_id(),

    CONSTRAINT "incident_measure_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_measure_rollup_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "incident_measure_rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_measure_changes_day_idx" ON "incident_measure_changes"("day");


-- hand-written:start (Prisma cannot express these; prisma/migrations.int.test.ts applies them to
-- the database built from the schema too, so the two still compare equal)

-- By creation time, carrying every column the incident measures read, so the measures of a period
-- are an index-only scan instead of a visit to every incident row.
CREATE INDEX "incidents_created_at_measures_idx" ON "incidents"("created_at") INCLUDE ("detection_source", "started_at", "acknowledged_at", "resolved_at", "resolved_by_merge", "service_id", "urgency");

INSERT INTO "incident_measure_rollup_state" ("id", "generation") VALUES (1, 0);

-- Every statement that changes incidents (or which teams they belong to) appends the UTC days it
-- touched, with its transaction id: a rollup is stale once such a change is committed and was not
-- visible in the snapshot of the rollup. Appending never waits on another writer, whatever they touch.
CREATE FUNCTION "note_incident_measure_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'incident_teams' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO incident_measure_changes (day)
      SELECT DISTINCT (incident_created_at AT TIME ZONE 'UTC')::date FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO incident_measure_changes (day)
      SELECT DISTINCT (incident_created_at AT TIME ZONE 'UTC')::date FROM old_rows;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO incident_measure_changes (day)
    SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incident_measure_changes (day)
    SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM old_rows;
  ELSE
    -- Only changes to what the measures read: a new title or a sync stamp leaves rollups valid.
    INSERT INTO incident_measure_changes (day)
    SELECT DISTINCT (changed.created_at AT TIME ZONE 'UTC')::date
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.created_at), (n.created_at)) AS changed(created_at)
    WHERE (o.created_at, o.started_at, o.acknowledged_at, o.resolved_at, o.resolved_by_merge,
           o.detection_source, o.urgency, o.service_id)
      IS DISTINCT FROM
          (n.created_at, n.started_at, n.acknowledged_at, n.resolved_at, n.resolved_by_merge,
           n.detection_source, n.urgency, n.service_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "incidents_inserted_note_measure_changes" AFTER INSERT ON "incidents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
CREATE TRIGGER "incidents_updated_note_measure_changes" AFTER UPDATE ON "incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
CREATE TRIGGER "incidents_deleted_note_measure_changes" AFTER DELETE ON "incidents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
CREATE TRIGGER "incident_teams_inserted_note_measure_changes" AFTER INSERT ON "incident_teams"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
CREATE TRIGGER "incident_teams_updated_note_measure_changes" AFTER UPDATE ON "incident_teams"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
CREATE TRIGGER "incident_teams_deleted_note_measure_changes" AFTER DELETE ON "incident_teams"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_measure_changes();
-- hand-written:end
