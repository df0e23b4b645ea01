-- No schema change Prisma can express: a partial index of the log entries that stand in for
-- webhook events (is_from_webhook).
--
-- Every batch of log entries an import writes deletes the stand-ins its REST entries now cover
-- (importers/pagerduty/load/upsert-log-entries.ts). Through the (incident_id, at) index that
-- DELETE fetched every log entry of the batch's incidents from the heap to test is_from_webhook:
-- at 5 M entries (6 GB, far beyond shared_buffers) two thirds of the import's time went there.
-- Stand-ins are few and short-lived; this index holds only them, so the DELETE reads nothing
-- when there are none.

-- hand-written:start (Prisma cannot express these; prisma/migrations.int.test.ts applies them to
-- the database built from the schema too, so the two still compare equal)
CREATE INDEX "incident_log_entries_webhook_stand_ins_idx" ON "incident_log_entries" ("incident_id") WHERE "is_from_webhook";
-- hand-written:end
