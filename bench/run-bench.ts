/**
 * `npm run bench`: time and peak memory of `fairshift report` for one quarter on the small and
 * large seeds, in an embedded PostgreSQL of its own (.data/bench/postgres). Targets are checked
 * here, never by timed assertions in tests (docs/benchmarks.md).
 *
 *   npm run bench -- [--only seed|report|webhooks|dashboard|import|sync] [--scale small|large|all]
 *                    [--runs N] [--reseed] [--write] [--profile] [--webhook-incidents N]
 *                    [--concurrency N] [--import-incidents N] [--import-log-entries N]
 *                    [--sync-seconds N]
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startEmbeddedPostgres } from "@/lib/server/database/embedded-postgres";
import { dataDirectory } from "@/lib/server/env";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { StartupError } from "@/lib/server/runtime/startup-error";
import { benchDashboard, renderDashboardBlock, replaceDashboardBlock } from "./bench-dashboard";
import {
  type BenchContext,
  type BenchScale,
  ensureSeededDatabase,
  fairshiftBin,
  type SeedRecord,
} from "./bench-database";
import { benchImport, renderImportBlock, replaceImportBlock } from "./bench-import";
import {
  benchReport,
  benchReportReadBaseline,
  REPORT_SCENARIOS,
  type ReportReadBaseline,
  type ReportResult,
  renderReportTargets,
} from "./bench-report";
import { benchSync, renderSyncBlock, replaceSyncBlock } from "./bench-sync";
import { benchWebhooks, renderWebhooksBlock, replaceWebhooksBlock } from "./bench-webhooks";
import { type BenchResults, renderBlock, replaceBlock, replaceMarkedBlock } from "./benchmarks-doc";
import { killRunningProcesses, measureProcess } from "./measure-process";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchmarksDocument = path.join(repositoryRoot, "docs", "benchmarks.md");

const optionsSchema = z.object({
  scale: z
    .enum(["small", "large", "all"], { error: "--scale must be small, large or all" })
    .default("all"),
  runs: z.coerce.number().int().min(1).max(50).default(3),
  reseed: z.boolean().default(false),
  write: z.boolean().default(false),
  profile: z.boolean().default(false),
  only: z
    .enum(["seed", "report", "webhooks", "dashboard", "import", "sync"], {
      error: "--only must be seed, report, webhooks, dashboard, import or sync",
    })
    .optional(),
  "webhook-incidents": z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  // The issue's sizes are 1 M incidents and 5 M log entries; by default the run stays within
  // its half hour with a twentieth of that (`--import-incidents 1000000 --import-log-entries 5000000`).
  "import-incidents": z.coerce.number().int().min(1_000).max(10_000_000).default(50_000),
  "import-log-entries": z.coerce.number().int().min(1_000).max(50_000_000).default(250_000),
  "sync-seconds": z.coerce.number().int().min(60).max(3_600).default(120),
  concurrency: z.coerce.number().int().min(1).max(256).default(8),
});

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function readOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: "string" },
      runs: { type: "string" },
      reseed: { type: "boolean" },
      write: { type: "boolean" },
      profile: { type: "boolean" },
      only: { type: "string" },
      "webhook-incidents": { type: "string" },
      "import-incidents": { type: "string" },
      "import-log-entries": { type: "string" },
      "sync-seconds": { type: "string" },
      concurrency: { type: "string" },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

function machineNote(): string {
  return `${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

async function measureStartup(): Promise<number | null> {
  const measurement = await measureProcess({
    command: process.execPath,
    args: [fairshiftBin(repositoryRoot), "--help"],
    env: process.env,
  });
  return measurement.exitCode === 0 ? measurement.wallMs / 1000 : null;
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  const scales: BenchScale[] = options.scale === "all" ? ["small", "large"] : [options.scale];
  const benchDirectory = path.join(dataDirectory(), "bench");
  const temporaryDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "fairshift-bench-"));

  log(`starting the embedded PostgreSQL in ${path.relative(process.cwd(), benchDirectory)}`);
  const server = await startEmbeddedPostgres({
    dataDirectory: path.join(benchDirectory, "postgres"),
    databaseName: "postgres",
  });
  // On Ctrl-C: stop the measured child first, then the server this run started.
  onShutdown(server.stop);
  onShutdown(killRunningProcesses);
  try {
    const context: BenchContext = {
      repositoryRoot,
      adminUrl: server.url,
      recordDirectory: benchDirectory,
      log,
    };
    if (options.only === "seed") {
      for (const scale of scales) await ensureSeededDatabase(context, scale, options.reseed);
      return 0;
    }
    const writeBlock = async (replace: (document: string) => string) => {
      if (!options.write) return;
      const document = await fs.readFile(benchmarksDocument, "utf8");
      await fs.writeFile(benchmarksDocument, replace(document));
    };
    if (options.only === undefined || options.only === "import") {
      const imported = await benchImport({
        repositoryRoot,
        adminUrl: server.url,
        incidents: options["import-incidents"],
        logEntries: options["import-log-entries"],
        log,
      });
      const block = renderImportBlock(imported, machineNote());
      await writeBlock((document) => replaceImportBlock(document, block));
      process.stdout.write(`${block}\n`);
      if (options.only === "import") return 0;
    }
    if (options.only === undefined || options.only === "sync") {
      const synced = await benchSync({
        repositoryRoot,
        adminUrl: server.url,
        seconds: options["sync-seconds"],
        uncappedSeconds: 20,
        incidents: 22_000,
        log,
      });
      const block = renderSyncBlock(synced, machineNote());
      await writeBlock((document) => replaceSyncBlock(document, block));
      process.stdout.write(`${block}\n`);
      if (options.only === "sync") return 0;
    }
    if (options.only === undefined || options.only === "dashboard") {
      // The dashboard is measured on the large seed only: small answers in milliseconds.
      const { url } = await ensureSeededDatabase(context, "large", options.reseed);
      const dashboard = await benchDashboard({
        repositoryRoot,
        databaseUrl: url,
        runs: Math.max(options.runs, 5),
        logFile: path.join(benchDirectory, "dashboard-server.log"),
        log,
      });
      const block = renderDashboardBlock(dashboard, machineNote());
      if (options.write) {
        const document = await fs.readFile(benchmarksDocument, "utf8");
        await fs.writeFile(benchmarksDocument, replaceDashboardBlock(document, block));
      }
      process.stdout.write(`${block}\n`);
      if (options.only === "dashboard") return 0;
    }
    if (options.only !== "report") {
      const webhooks = await benchWebhooks({
        repositoryRoot,
        incidents: options["webhook-incidents"],
        concurrency: options.concurrency,
        log,
        logFile: path.join(benchDirectory, "webhooks-server.log"),
      });
      const webhookBlock = renderWebhooksBlock(webhooks, machineNote());
      await writeBlock((document) => replaceWebhooksBlock(document, webhookBlock));
      process.stdout.write(`${webhookBlock}\n`);
      const isLossless = webhooks.scenarios.every((scenario) => scenario.problems.length === 0);
      if (options.only === "webhooks") return isLossless ? 0 : 1;
    }
    const seeds: SeedRecord[] = [];
    const reports: ReportResult[] = [];
    const readBaselines: ReportReadBaseline[] = [];
    for (const scale of scales) {
      const { url, record } = await ensureSeededDatabase(context, scale, options.reseed);
      seeds.push(record);
      for (const scenario of REPORT_SCENARIOS) {
        reports.push(
          await benchReport({
            bin: fairshiftBin(repositoryRoot),
            databaseUrl: url,
            scale,
            scenario,
            runs: options.runs,
            temporaryDirectory,
            log,
          }),
        );
        readBaselines.push(
          await benchReportReadBaseline({ databaseUrl: url, scale, scenario, runs: options.runs }),
        );
        if (options.profile) {
          const profileDirectory = path.join(benchDirectory, "profiles");
          log(`  ${scale}, ${scenario.scope}: one more run under --cpu-prof, not counted`);
          await benchReport({
            bin: fairshiftBin(repositoryRoot),
            databaseUrl: url,
            scale,
            scenario,
            runs: 1,
            temporaryDirectory,
            nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDirectory}`],
            log,
          });
          log(`  CPU profile written to ${path.relative(process.cwd(), profileDirectory)}`);
        }
      }
    }
    const results: BenchResults = {
      seeds,
      reports,
      machine: machineNote(),
      startupSeconds: await measureStartup(),
    };

    if (options.write) {
      const document = await fs.readFile(benchmarksDocument, "utf8");
      await fs.writeFile(benchmarksDocument, replaceBlock(document, results));
      log(`wrote ${path.relative(process.cwd(), benchmarksDocument)}`);
    }
    process.stdout.write(`${renderBlock(results)}\n`);
    const targets = renderReportTargets(reports, readBaselines, results.startupSeconds);
    await writeBlock((document) =>
      replaceMarkedBlock(document, "report-targets", targets, {
        heading: "### The report against its targets",
        before: "## File import",
      }),
    );
    process.stdout.write(`${targets}\n`);
    return 0;
  } finally {
    await fs.rm(temporaryDirectory, { recursive: true, force: true });
    await server.stop();
  }
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  // Exit explicitly: the embedded-postgres exit hook would otherwise exit 0 on beforeExit.
  if (error instanceof StartupError) {
    console.error(`bench: ${error.problem}\n  ${error.remedy}`);
  } else {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
