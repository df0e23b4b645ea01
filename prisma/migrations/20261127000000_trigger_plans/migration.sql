-- No schema change: the trigger functions' statements that compare the old and new rows of an
-- UPDATE are rewritten so no cached plan can turn quadratic.
--
-- PL/pgSQL plans a statement once per connection and keeps the plan, sized by the row counts of
-- the call that planned it. A join of old_rows and new_rows planned for a one-row UPDATE (a
-- webhook) is a nested loop; the same connection's next 5,000-row UPDATE (an import's detection
-- recompute) then took 15 s in the trigger instead of 20 ms. The changed rows are now the old
-- rows not among the new and the new rows not among the old (EXCEPT, which treats NULLs as equal,
-- as IS DISTINCT FROM does): no join, linear whatever plan is kept. The one statement that must
-- join another table (an incident's pages) is planned at each call (EXECUTE).

-- hand-written:start (Prisma cannot express these; prisma/migrations.int.test.ts applies them to
-- the database built from the schema too, so the two still compare equal)
CREATE OR REPLACE FUNCTION "note_incident_measure_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    FROM (
      (SELECT id, created_at, started_at, acknowledged_at, resolved_at, resolved_by_merge,
              detection_source, urgency, service_id FROM old_rows
       EXCEPT
       SELECT id, created_at, started_at, acknowledged_at, resolved_at, resolved_by_merge,
              detection_source, urgency, service_id FROM new_rows)
      UNION ALL
      (SELECT id, created_at, started_at, acknowledged_at, resolved_at, resolved_by_merge,
              detection_source, urgency, service_id FROM new_rows
       EXCEPT
       SELECT id, created_at, started_at, acknowledged_at, resolved_at, resolved_by_merge,
              detection_source, urgency, service_id FROM old_rows)
    ) AS changed;
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "note_person_summary_page_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (at AT TIME ZONE 'UTC')::date, (at AT TIME ZONE 'UTC')::date FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (at AT TIME ZONE 'UTC')::date, (at AT TIME ZONE 'UTC')::date FROM old_rows;
  ELSE
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT changed.person_id, (changed.at AT TIME ZONE 'UTC')::date, (changed.at AT TIME ZONE 'UTC')::date
    FROM (
      (SELECT id, person_id, at, channel, incident_id FROM old_rows
       EXCEPT
       SELECT id, person_id, at, channel, incident_id FROM new_rows)
      UNION ALL
      (SELECT id, person_id, at, channel, incident_id FROM new_rows
       EXCEPT
       SELECT id, person_id, at, channel, incident_id FROM old_rows)
    ) AS changed;
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "note_person_summary_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $query$
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT p.person_id, (p.at AT TIME ZONE 'UTC')::date, (p.at AT TIME ZONE 'UTC')::date
    FROM (SELECT id, resolved_at, detection_source, title, service_id FROM new_rows
          EXCEPT
          SELECT id, resolved_at, detection_source, title, service_id FROM old_rows) AS changed
    JOIN pages p ON p.incident_id = changed.id
  $query$;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "note_person_summary_shift_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (start_at AT TIME ZONE 'UTC')::date, (end_at AT TIME ZONE 'UTC')::date FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT person_id, (start_at AT TIME ZONE 'UTC')::date, (end_at AT TIME ZONE 'UTC')::date FROM old_rows;
  ELSE
    INSERT INTO person_summary_changes (person_id, from_day, to_day)
    SELECT DISTINCT changed.person_id, (changed.start_at AT TIME ZONE 'UTC')::date,
      (changed.end_at AT TIME ZONE 'UTC')::date
    FROM (
      (SELECT id, person_id, start_at, end_at, level FROM old_rows
       EXCEPT
       SELECT id, person_id, start_at, end_at, level FROM new_rows)
      UNION ALL
      (SELECT id, person_id, start_at, end_at, level FROM new_rows
       EXCEPT
       SELECT id, person_id, start_at, end_at, level FROM old_rows)
    ) AS changed;
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "note_person_summary_ledger_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT changed.person_id, min((changed.occurred_at AT TIME ZONE 'UTC')::date), 'infinity'::date
    FROM (
      (SELECT id, person_id, kind, minutes, occurred_at, expires_at, status FROM old_rows
       EXCEPT
       SELECT id, person_id, kind, minutes, occurred_at, expires_at, status FROM new_rows)
      UNION ALL
      (SELECT id, person_id, kind, minutes, occurred_at, expires_at, status FROM new_rows
       EXCEPT
       SELECT id, person_id, kind, minutes, occurred_at, expires_at, status FROM old_rows)
    ) AS changed
    WHERE changed.kind <> 'expiry'
    GROUP BY changed.person_id;
  END IF;
  RETURN NULL;
END;
$$;
-- hand-written:end
