import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../database/embedded-postgres";
import { readEnvironment } from "../env";

export interface TestPostgresServer {
  /** A URL to the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server a test run uses: TEST_DATABASE_URL's server (the role must be allowed to
 * create databases), or a throw-away embedded server in the system temp directory.
 */
export async function startTestPostgresServer(): Promise<TestPostgresServer> {
  const external = readEnvironment().TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDirectory: path.join(
      os.tmpdir(),
      `fairshift-test-${process.pid}-${randomBytes(3).toString("hex")}`,
    ),
    persistent: false,
    databaseName: "postgres",
  });
  return { adminUrl: server.url, stop: server.stop };
}

export function databaseUrlFor(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const templateClause = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${templateClause}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Runs `work` with a connected client, then closes it. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
