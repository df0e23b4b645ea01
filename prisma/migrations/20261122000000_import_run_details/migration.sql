-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "is_placeholder" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "import_runs" ADD COLUMN     "counts_by_kind" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "rows_read" INTEGER NOT NULL DEFAULT 0;

