-- Kept incident measures were jsonb, which reorders keys: recomputed as json, they keep the
-- order the report writes.
TRUNCATE "incident_measure_rollups";

-- AlterTable
ALTER TABLE "incident_measure_rollups" ALTER COLUMN "measures" SET DATA TYPE JSON;

-- CreateTable
CREATE TABLE "person_summary_rollups" (
    "person_id" INTEGER NOT NULL,
    "range_start" TIMESTAMPTZ(3) NOT NULL,
    "range_end" TIMESTAMPTZ(3) NOT NULL,
    "inputs_key" TEXT NOT NULL,
    "reads_from" DATE NOT NULL,
    "summary" JSON NOT NULL,
    "snapshot" pg_snapshot NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_summary_rollups_pkey" PRIMARY KEY ("person_id","range_start","range_end","inputs_key")
);

-- CreateTable
CREATE TABLE "person_summary_changes" (
    "id" BIGSERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "from_day" DATE NOT NULL,
    "to_day" DATE NOT NULL,
    "changed_by" xid8 NOT NULL DEFAULT pg_current_xact_id(),

    CONSTRAINT "person_summary_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_summary_rollup_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "person_summary_rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_summary_changes_person_id_idx" ON "person_summary_changes"("person_id");

-- AddForeignKey
ALTER TABLE "person_summary_rollups" ADD CONSTRAINT "person_summary_rollups_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- hand-written:start (Prisma cannot express these; prisma/migrations.int.test.ts applies them to
-- the database built from the schema too, so the two still compare equal)

INSERT INTO "person_summary_rollup_state" ("id", "generation") VALUES (1, 0);

-- Every statement that changes what a person's report row reads appends the person and the UTC
-- days it touched, with its transaction id: a kept row is stale once such a change is committed
-- and was not visible in the snapshot it was computed in. Appending never waits on another writer.

-- Pages: the day of each page, before and after. Updates count only when what the metrics read
-- moved (a re-import that rewrites a page unchanged leaves rows valid).
CREATE FUNCTION "note_person_summary_page_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (at AT TIME ZONE 'UTC')::date, (at AT TIME ZONE 'UTC')::date FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (at AT TIME ZONE 'UTC')::date, (at AT TIME ZONE 'UTC')::date FROM old_rows;
  ELSE
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT changed.person_id, changed.day, changed.day
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.person_id, (o.at AT TIME ZONE 'UTC')::date),
                      (n.person_id, (n.at AT TIME ZONE 'UTC')::date)) AS changed(person_id, day)
    WHERE (o.person_id, o.at, o.channel, o.incident_id)
      IS DISTINCT FROM (n.person_id, n.at, n.channel, n.incident_id);
  END IF;
  RETURN NULL;
END;
$$;

-- Incidents: a page's call-out ends with its incident's resolution, a test incident's pages do
-- not interrupt, and off-hours alerts are told apart by service and title. A change to any of
-- these marks the days of the incident's pages. (Inserted incidents have no pages yet; deleted
-- ones delete their pages, which note themselves.)
CREATE FUNCTION "note_person_summary_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_summary_changes (person_id, from_day, to_day)
  SELECT DISTINCT p.person_id, (p.at AT TIME ZONE 'UTC')::date, (p.at AT TIME ZONE 'UTC')::date
  FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN pages p ON p.incident_id = n.id
  WHERE (o.resolved_at, o.detection_source, o.title, o.service_id)
    IS DISTINCT FROM (n.resolved_at, n.detection_source, n.title, n.service_id);
  RETURN NULL;
END;
$$;

-- Shifts: every day a shift covers, before and after.
CREATE FUNCTION "note_person_summary_shift_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (start_at AT TIME ZONE 'UTC')::date, (end_at AT TIME ZONE 'UTC')::date FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (start_at AT TIME ZONE 'UTC')::date, (end_at AT TIME ZONE 'UTC')::date FROM old_rows;
  ELSE
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT changed.person_id, changed.from_day, changed.to_day
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.person_id, (o.start_at AT TIME ZONE 'UTC')::date, (o.end_at AT TIME ZONE 'UTC')::date),
                      (n.person_id, (n.start_at AT TIME ZONE 'UTC')::date, (n.end_at AT TIME ZONE 'UTC')::date))
        AS changed(person_id, from_day, to_day)
    WHERE (o.person_id, o.start_at, o.end_at, o.level)
      IS DISTINCT FROM (n.person_id, n.start_at, n.end_at, n.level);
  END IF;
  RETURN NULL;
END;
$$;

-- Time-in-lieu lines (not stored expiries, which the report derives): a line changes the balance
-- of every day from its own on, so it marks the days from it to infinity.
CREATE FUNCTION "note_person_summary_ledger_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT person_id, min((occurred_at AT TIME ZONE 'UTC')::date), 'infinity'::date
    FROM new_rows WHERE kind <> 'expiry' GROUP BY person_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT person_id, min((occurred_at AT TIME ZONE 'UTC')::date), 'infinity'::date
    FROM old_rows WHERE kind <> 'expiry' GROUP BY person_id;
  ELSE
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT changed.person_id, min(changed.day), 'infinity'::date
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.person_id, (o.occurred_at AT TIME ZONE 'UTC')::date, o.kind),
                      (n.person_id, (n.occurred_at AT TIME ZONE 'UTC')::date, n.kind))
        AS changed(person_id, day, kind)
    WHERE changed.kind <> 'expiry'
      AND (o.person_id, o.kind, o.minutes, o.occurred_at, o.expires_at, o.status)
        IS DISTINCT FROM (n.person_id, n.kind, n.minutes, n.occurred_at, n.expires_at, n.status)
    GROUP BY changed.person_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "pages_inserted_note_person_summary_changes" AFTER INSERT ON "pages"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_page_changes();
CREATE TRIGGER "pages_updated_note_person_summary_changes" AFTER UPDATE ON "pages"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_page_changes();
CREATE TRIGGER "pages_deleted_note_person_summary_changes" AFTER DELETE ON "pages"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_page_changes();
CREATE TRIGGER "incidents_updated_note_person_summary_changes" AFTER UPDATE ON "incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_incident_changes();
CREATE TRIGGER "on_call_shifts_inserted_note_person_summary_changes" AFTER INSERT ON "on_call_shifts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_shift_changes();
CREATE TRIGGER "on_call_shifts_updated_note_person_summary_changes" AFTER UPDATE ON "on_call_shifts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_shift_changes();
CREATE TRIGGER "on_call_shifts_deleted_note_person_summary_changes" AFTER DELETE ON "on_call_shifts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_shift_changes();
CREATE TRIGGER "time_in_lieu_entries_inserted_note_person_summary_changes" AFTER INSERT ON "time_in_lieu_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_ledger_changes();
CREATE TRIGGER "time_in_lieu_entries_updated_note_person_summary_changes" AFTER UPDATE ON "time_in_lieu_entries"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_ledger_changes();
CREATE TRIGGER "time_in_lieu_entries_deleted_note_person_summary_changes" AFTER DELETE ON "time_in_lieu_entries"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_person_summary_ledger_changes();
-- hand-written:end
