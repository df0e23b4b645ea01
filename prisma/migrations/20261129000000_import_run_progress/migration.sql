-- Progress of a running import or sync, apart from its import_runs row. The run's transaction
-- locks that row (FOR KEY SHARE) through the foreign key of every row it writes; each progress
-- update of it made a new version that the open transaction kept from being pruned, and every
-- later check walked them all (at 5 M log entries, most of the import's time). A running run
-- reads its rows_read from here; finishing the run writes it to import_runs and drops the row.

-- CreateTable
CREATE TABLE "import_run_progress" (
    "import_run_id" INTEGER NOT NULL,
    "rows_read" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_run_progress_pkey" PRIMARY KEY ("import_run_id")
);

-- AddForeignKey
ALTER TABLE "import_run_progress" ADD CONSTRAINT "import_run_progress_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

