import fs from "node:fs/promises";
import path from "node:path";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  withClient,
} from "@/lib/server/testing/test-server";
import { measureProcess } from "./measure-process";

export type BenchScale = "small" | "large";

/** Fixed so every run, on every machine, measures the same rows. */
export const BENCH_SEED = 1;
export const BENCH_UNTIL = "2026-11-21";

/** What a seeding cost, kept beside the database so later runs can report it without re-seeding. */
export interface SeedRecord {
  scale: BenchScale;
  seed: number;
  until: string;
  migrations: string[];
  seededAt: string;
  /** The seed command's own figure ("… in X s."): generation, writes, ANALYZE and accruals. */
  seedSeconds: number;
  /** Of which the time-in-lieu accrual derivation at the end. */
  accrualSeconds: number | null;
  /** The whole child process: start-up, migrations, seed. */
  wallSeconds: number;
  peakRssBytes: number | null;
  databaseBytes: number;
  /** The seed command's summary line. */
  summary: string;
}

export interface BenchContext {
  repositoryRoot: string;
  adminUrl: string;
  /** Where the seed records live (beside the embedded data directory). */
  recordDirectory: string;
  log: (message: string) => void;
}

export function benchDatabaseName(scale: BenchScale): string {
  return `bench_${scale}`;
}

export function fairshiftBin(repositoryRoot: string): string {
  return path.join(repositoryRoot, "bin", "fairshift.js");
}

async function committedMigrations(repositoryRoot: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(repositoryRoot, "prisma", "migrations"), {
    withFileTypes: true,
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function recordPath(context: BenchContext, scale: BenchScale): string {
  return path.join(context.recordDirectory, `${benchDatabaseName(scale)}.json`);
}

async function readRecord(context: BenchContext, scale: BenchScale): Promise<SeedRecord | null> {
  try {
    return JSON.parse(await fs.readFile(recordPath(context, scale), "utf8")) as SeedRecord;
  } catch {
    return null;
  }
}

const sameList = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && left.every((item, index) => item === right[index]);

/**
 * A record is trusted only while the database still says the same thing: it exists, its applied
 * migrations are the committed ones, and its seed import run succeeded with this scale, seed and
 * end date (the seed writes them into import_runs.options).
 */
async function whyNotCurrent(
  context: BenchContext,
  scale: BenchScale,
  record: SeedRecord | null,
  migrations: string[],
): Promise<string | null> {
  if (record === null) return "no seed record";
  if (record.scale !== scale || record.seed !== BENCH_SEED || record.until !== BENCH_UNTIL) {
    return "the seed record is for another scale, seed or end date";
  }
  if (!sameList(record.migrations, migrations)) return "the migrations changed since seeding";
  const name = benchDatabaseName(scale);
  const exists = await withClient(context.adminUrl, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  });
  if (!exists) return `database ${name} is missing`;
  return withClient(databaseUrlFor(context.adminUrl, name), async (client) => {
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    if (
      !sameList(
        applied.rows.map((row) => row.migration_name),
        migrations,
      )
    ) {
      return "the database's applied migrations differ from the committed ones";
    }
    const seedRun = await client.query(
      `SELECT 1 FROM import_runs
       WHERE source = 'demo_seed' AND status = 'succeeded'
         AND options->>'scale' = $1 AND (options->>'seed')::bigint = $2
         AND left(options->>'until', 10) = $3`,
      [scale, BENCH_SEED, BENCH_UNTIL],
    );
    return seedRun.rowCount === 1 ? null : "the database holds no finished seed of this scale";
  });
}

/**
 * A seeded database whose migrations are an older prefix of the committed ones is upgraded the
 * way a user's would be (`fairshift db migrate`), rather than seeded again (13 minutes for
 * `large`): migrations that derive data (rollups) fill it for existing rows themselves.
 */
async function upgradeInPlace(
  context: BenchContext,
  scale: BenchScale,
  record: SeedRecord,
  migrations: string[],
): Promise<void> {
  const isOlderPrefix =
    record.migrations.length < migrations.length &&
    record.migrations.every((migration, index) => migration === migrations[index]);
  if (!isOlderPrefix) return;
  const name = benchDatabaseName(scale);
  const pending = migrations.slice(record.migrations.length);
  context.log(`${name}: applying ${pending.length} new migration(s): ${pending.join(", ")}`);
  const measurement = await measureProcess({
    command: process.execPath,
    args: [fairshiftBin(context.repositoryRoot), "db", "migrate"],
    env: { ...process.env, DATABASE_URL: databaseUrlFor(context.adminUrl, name) },
    onStderrLine: (line) => context.log(`  migrate ${line}`),
    onStdoutLine: (line) => context.log(`  migrate ${line}`),
  });
  if (measurement.exitCode !== 0) {
    throw new Error(`fairshift db migrate on ${name} failed (exit ${measurement.exitCode}).`);
  }
  context.log(`${name}: migrated in ${(measurement.wallMs / 1000).toFixed(1)} s`);
  const upgraded: SeedRecord = { ...record, migrations };
  await fs.writeFile(recordPath(context, scale), `${JSON.stringify(upgraded, null, 2)}\n`);
}

const SEEDED_LINE = /^Seeded .* in (\d+(?:\.\d+)?) s\.$/;

/**
 * The bench database of a scale, seeded once and reused while its record is current; `isReseed`
 * drops and seeds it again. Seeding runs `fairshift seed` in a child process and measures it.
 */
export async function ensureSeededDatabase(
  context: BenchContext,
  scale: BenchScale,
  isReseed: boolean,
): Promise<{ url: string; record: SeedRecord }> {
  const name = benchDatabaseName(scale);
  const url = databaseUrlFor(context.adminUrl, name);
  const migrations = await committedMigrations(context.repositoryRoot);
  const seededRecord = await readRecord(context, scale);
  if (!isReseed && seededRecord !== null) {
    await upgradeInPlace(context, scale, seededRecord, migrations);
  }
  const record = await readRecord(context, scale);
  const reason = isReseed ? "--reseed" : await whyNotCurrent(context, scale, record, migrations);
  if (reason === null && record !== null) {
    context.log(`${name}: seeded on ${record.seededAt.slice(0, 10)}, reusing it`);
    return { url, record };
  }

  context.log(`${name}: seeding ${scale} (seed ${BENCH_SEED}, until ${BENCH_UNTIL}): ${reason}`);
  await fs.rm(recordPath(context, scale), { force: true });
  await dropDatabase(context.adminUrl, name);
  await createDatabase(context.adminUrl, name);

  // Filled from the child's output as it arrives.
  const seen = {
    seedSeconds: null as number | null,
    summary: "",
    accrualStartMs: null as number | null,
    accrualEndMs: null as number | null,
  };
  const measurement = await measureProcess({
    command: process.execPath,
    args: [
      fairshiftBin(context.repositoryRoot),
      "seed",
      "--scale",
      scale,
      "--seed",
      String(BENCH_SEED),
      "--until",
      BENCH_UNTIL,
    ],
    env: { ...process.env, DATABASE_URL: url },
    onStderrLine: (line, elapsedMs) => {
      // The seed reports "finishing" done (writes committed, tables analysed) just before it
      // derives the time-in-lieu accruals, and prints its summary line right after them.
      if (line.startsWith("finishing: 100%")) seen.accrualStartMs = elapsedMs;
      context.log(`  seed ${line}`);
    },
    onStdoutLine: (line, elapsedMs) => {
      const match = SEEDED_LINE.exec(line);
      if (match?.[1] !== undefined) {
        seen.seedSeconds = Number(match[1]);
        seen.summary = line;
        seen.accrualEndMs = elapsedMs;
      }
      context.log(`  seed ${line}`);
    },
  });
  const { seedSeconds, summary, accrualStartMs, accrualEndMs } = seen;
  if (measurement.exitCode !== 0 || seedSeconds === null) {
    throw new Error(
      `fairshift seed --scale ${scale} failed (exit ${measurement.exitCode ?? measurement.signal}).`,
    );
  }

  const databaseBytes = await withClient(url, async (client) => {
    const result = await client.query<{ bytes: string }>(
      "SELECT pg_database_size(current_database())::text AS bytes",
    );
    return Number(result.rows[0]?.bytes ?? 0);
  });
  const seeded: SeedRecord = {
    scale,
    seed: BENCH_SEED,
    until: BENCH_UNTIL,
    migrations,
    seededAt: new Date().toISOString(),
    seedSeconds,
    accrualSeconds:
      accrualStartMs !== null && accrualEndMs !== null
        ? (accrualEndMs - accrualStartMs) / 1000
        : null,
    wallSeconds: measurement.wallMs / 1000,
    peakRssBytes: measurement.peakRssBytes,
    databaseBytes,
    summary,
  };
  await fs.mkdir(context.recordDirectory, { recursive: true });
  await fs.writeFile(recordPath(context, scale), `${JSON.stringify(seeded, null, 2)}\n`);
  return { url, record: seeded };
}
