import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { z } from "zod";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { timeZoneSchema } from "@/lib/shared/time-zone";
import { CommandLineError } from "../command-line-error";
import { FILE_FORMATS } from "../pagerduty/files/detect-format";
import { type BatchSummary, type FileImportSummary, importFiles } from "../pagerduty/import-files";
import { type ColumnMapping, columnMappingSchema } from "../pagerduty/map/csv/column-mapping";
import { createProgressPrinter } from "../progress-printer";

const importOptionsSchema = z.object({
  format: z
    .enum(["auto", ...FILE_FORMATS], {
      error: `--format must be one of auto, ${FILE_FORMATS.join(", ")}`,
    })
    .default("auto"),
  mapping: z.string().min(1).optional(),
  tz: timeZoneSchema.optional(),
  "dry-run": z.boolean().default(false),
});

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. An import
 * keeps about 50 MB live (two batches of records, the loader's state), but each batch outlives a
 * few young collections and is then garbage in the old space, which V8 by default lets grow to
 * three or four times the live size before collecting it: 380–400 MB resident at any file size.
 * At 50 % the old space is collected at 1.5 × live, resident memory stays near 250 MB, and the
 * CPU spent is the same (measured in docs/benchmarks.md, "File import"). A soft limit, unlike
 * --max-old-space-size: a heap that truly needs more still gets it. V8 reads it at every
 * collection, so setting it here, before the work, takes effect (a heap size limit would not).
 */
const IMPORT_HEAP_GROWING_PERCENT = 50;

/** Files named on the command line; a directory stands for the files in it, in name order. */
async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (info === null) throw new CommandLineError(`${given}: no such file or directory.`);
    if (!info.isDirectory()) {
      files.push(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const names = entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
    if (names.length === 0) throw new CommandLineError(`${given}: the directory has no files.`);
    files.push(...names.map((name) => path.join(given, name)));
  }
  return files;
}

async function readMapping(file: string): Promise<ColumnMapping> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new CommandLineError(`--mapping ${file}: ${error.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandLineError(`--mapping ${file}: not valid JSON (${(error as Error).message}).`);
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`,
    );
    throw new CommandLineError(`--mapping ${file}: ${problems.join("; ")}`);
  }
  return parsed.data;
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;

function describeFile(file: FileImportSummary): string[] {
  const name = path.basename(file.fileName);
  if (file.status === "failed") return [`✗ ${name}: ${file.errorMessage ?? "failed"}`];
  const { inserted, updated, unchanged } = file.totals;
  const kinds = Object.entries(file.byKind)
    .map(
      ([kind, counts]) =>
        `${kind.replace("_", " ")} ${counts.inserted + counts.updated + counts.unchanged}`,
    )
    .join(", ");
  const seconds = `${(file.durationMs / 1000).toFixed(1)} s`;
  const lines = [
    file.format === "webhook-events"
      ? `${file.status === "dry_run" ? "○" : "✓"} ${name} (webhook-events): ${plural(inserted, "event")} applied, ` +
        `${unchanged} duplicate or ignored, ${file.rejected} rejected in ${seconds}`
      : `${file.status === "dry_run" ? "○" : "✓"} ${name} (${file.format}): ${inserted} inserted, ${updated} updated, ` +
        `${unchanged} unchanged, ${file.rejected} rejected in ${seconds}` +
        (kinds ? ` [${kinds}]` : ""),
  ];
  if (file.errorMessage) lines.push(`    ${file.errorMessage}`);
  for (const rejection of file.firstRejections) {
    lines.push(`    line ${rejection.line ?? "?"}: ${rejection.reason}`);
  }
  if (file.rejected > file.firstRejections.length) {
    lines.push(
      `    … and ${file.rejected - file.firstRejections.length} more: see import run ${file.runId} on the Data page.`,
    );
  }
  return lines;
}

function describeBatch(summary: BatchSummary, isDryRun: boolean): string[] {
  const lines = summary.files.flatMap(describeFile);
  if (isDryRun) lines.push("Dry run: nothing was written.");
  if (summary.derived && summary.derived.incidents > 0) {
    const derived = summary.derived;
    lines.push(
      `Derived for ${plural(derived.incidents, "incident")}: ${plural(derived.pagesWritten, "page")} written, ` +
        `${plural(derived.detectionChanged, "detection label")} changed, ` +
        `${plural(derived.accrualsWritten, "time-in-lieu line")} written.`,
    );
  }
  return lines;
}

/**
 * `fairshift import <file|dir>…`: the files form one batch (any order), each recorded as an
 * import run; a rejected row is listed with its line, a file that cannot be read changes nothing
 * and makes the exit code 1.
 */
export async function runImportCommand(
  paths: readonly string[],
  rawOptions: Record<string, unknown>,
): Promise<number> {
  if (paths.length === 0)
    throw new CommandLineError("import needs at least one file or directory.");
  const parsed = importOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    throw new CommandLineError(parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const options = parsed.data;
  if (options.format === "mapped-csv" && !options.mapping) {
    throw new CommandLineError("--format mapped-csv needs --mapping FILE describing the columns.");
  }
  const files = await expandPaths(paths);
  v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
  const mapping = options.mapping ? await readMapping(options.mapping) : undefined;
  const format = mapping && options.format === "auto" ? "mapped-csv" : options.format;

  const database = await ensureDatabase();
  onShutdown(database.stop);
  const db = createPrismaClient(database.url);
  try {
    if (database.isStartedHere) await runMigrations(database.url);
    const printProgress = createProgressPrinter();
    const summary = await importFiles(db, files, {
      format,
      mapping,
      timeZone: options.tz ?? mapping?.timeZone ?? null,
      isDryRun: options["dry-run"],
      databaseUrl: database.url,
      onProgress: (progress) =>
        progress.phase === "reading"
          ? printProgress({
              phase: `Importing ${path.basename(progress.fileName)}`,
              done: progress.bytesRead,
              total: progress.totalBytes,
            })
          : undefined,
    });
    for (const line of describeBatch(summary, options["dry-run"])) console.log(line);
    return summary.files.some((file) => file.status === "failed") ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}
