-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "is_placeholder" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "import_runs" ADD COLUMN     "counts_by_kind" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "derived_at" TIMESTAMPTZ(3),
ADD COLUMN     "rows_read" INTEGER NOT NULL DEFAULT 0;


-- Runs from before this column existed were derived when they ran.
UPDATE "import_runs" SET "derived_at" = coalesce("finished_at", "started_at");
