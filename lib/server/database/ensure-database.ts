import path from "node:path";
import pg from "pg";
import { dataDirectory, type Environment, readEnvironment } from "../env";
import { StartupError } from "../runtime/startup-error";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface DatabaseConnection {
  url: string;
  /** Human description for start-up messages: "embedded PostgreSQL in .data/postgres" or the host. */
  description: string;
  /** True when this process started the (embedded) server, which may be brand new. */
  isStartedHere: boolean;
  stop(): Promise<void>;
}

/**
 * The one place that decides which PostgreSQL Fairshift uses: DATABASE_URL when set, otherwise
 * the embedded server whose data lives in FAIRSHIFT_DATA_DIR/postgres.
 */
export async function ensureDatabase(
  environment: Environment = readEnvironment(),
  onLog?: (line: string) => void,
): Promise<DatabaseConnection> {
  if (environment.DATABASE_URL) {
    await assertReachable(environment.DATABASE_URL);
    return {
      url: environment.DATABASE_URL,
      description: `PostgreSQL at ${describeUrl(environment.DATABASE_URL)} (DATABASE_URL)`,
      isStartedHere: false,
      stop: async () => {},
    };
  }
  const directory = path.join(dataDirectory(environment), "postgres");
  const embedded = await startEmbeddedPostgres({
    dataDirectory: directory,
    port: environment.FAIRSHIFT_PG_PORT,
    onLog,
  });
  const relative = path.relative(process.cwd(), directory) || directory;
  return {
    url: embedded.url,
    description: embedded.isStartedHere
      ? `embedded PostgreSQL in ${relative}`
      : `embedded PostgreSQL in ${relative} (already running, attached)`,
    isStartedHere: embedded.isStartedHere,
    stop: embedded.stop,
  };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StartupError(
      `Cannot reach the database at ${describeUrl(url)}: ${(error as Error).message}`,
      "Check DATABASE_URL (host, port, user, password, database) and that the server is running, or unset it to use the embedded PostgreSQL.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** host:port/database without credentials, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}
