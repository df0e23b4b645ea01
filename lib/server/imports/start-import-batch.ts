import { randomUUID } from "node:crypto";
import { access } from "node:fs/promises";
import type { z } from "zod";
import { importFiles } from "@/importers/pagerduty/import-files";
import { columnMappingSchema } from "@/importers/pagerduty/map/csv/column-mapping";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { startImportSchema } from "@/lib/shared/import-requests";
import { readEnvironment } from "../env";
import { ApiError, describeIssues } from "../http/api-error";
import { removeUploads, uploadPath } from "./upload-store";

/**
 * Starts importing uploaded files as one batch and returns at once: the Data page follows the
 * runs by batch id. The work runs in this server process (one machine; see docs/operations.md),
 * and the uploads are deleted when it ends.
 */
export async function startImportBatch(
  db: PrismaClient,
  request: z.output<typeof startImportSchema>,
): Promise<{ batchId: string }> {
  let mapping: z.output<typeof columnMappingSchema> | undefined;
  if (request.mapping !== undefined) {
    const parsed = columnMappingSchema.safeParse(request.mapping);
    if (!parsed.success)
      throw new ApiError("bad_request", `mapping: ${describeIssues(parsed.error)}`);
    mapping = parsed.data;
  }
  if (request.format === "mapped-csv" && !mapping) {
    throw new ApiError("bad_request", "A mapped CSV needs a column mapping: paste or upload it.");
  }
  const paths = request.uploads.map((upload) => uploadPath(upload.uploadId));
  for (const [index, filePath] of paths.entries()) {
    await access(filePath).catch(() => {
      throw new ApiError(
        "bad_request",
        `Upload of ${request.uploads[index]?.fileName} is gone (already imported?): upload it again.`,
      );
    });
  }
  const batchId = randomUUID();
  void importFiles(db, paths, {
    batchId,
    format: mapping && request.format === "auto" ? "mapped-csv" : request.format,
    mapping,
    timeZone: request.timeZone ?? mapping?.timeZone ?? null,
    isDryRun: request.isDryRun,
    displayNames: request.uploads.map((upload) => upload.fileName),
    // The URL `db` was made from (lib/server/db.ts): each file is then written on a pg connection
    // of its own, as the CLI does, at several times the speed and a fraction of the memory of a
    // Prisma transaction. Unset (a caller with its own client), the files go through `db`.
    databaseUrl: readEnvironment().DATABASE_URL,
  })
    .catch((error: unknown) => console.error(`Import batch ${batchId} failed`, error))
    .finally(() => removeUploads(request.uploads.map((upload) => upload.uploadId)));
  return { batchId };
}
