import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../runtime/startup-error";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres";

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  return result.rows[0]?.one ?? 0;
}

describe("startEmbeddedPostgres", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function temporaryDirectory(): Promise<string> {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), "fairshift-embedded-"));
    await fs.chmod(directory, 0o755); // as root, the postgres user must be able to enter it
    cleanups.push(() => fs.rm(directory, { recursive: true, force: true }));
    return directory;
  }

  async function start(dataDirectory: string, port?: number): Promise<EmbeddedDatabase> {
    const database = await startEmbeddedPostgres({ dataDirectory, port });
    cleanups.push(() => database.stop());
    return database;
  }

  it("initialises a data directory, creates the fairshift database and serves it", async () => {
    const dataDirectory = path.join(await temporaryDirectory(), "postgres");
    const database = await start(dataDirectory);
    expect(database.isStartedHere).toBe(true);
    expect(database.url).toMatch(/^postgresql:\/\/postgres:fairshift@127\.0\.0\.1:\d+\/fairshift$/);
    expect(await selectOne(database.url)).toBe(1);
  });

  it("attaches to the server another process already runs for the same directory", async () => {
    const dataDirectory = path.join(await temporaryDirectory(), "postgres");
    const first = await start(dataDirectory);
    const second = await start(dataDirectory);
    expect(second.isStartedHere).toBe(false);
    expect(second.url).toBe(first.url);
    await second.stop(); // stopping an attached handle must leave the server running
    expect(await selectOne(first.url)).toBe(1);
  });

  it("restarts on the same data after a stop, keeping what was written", async () => {
    const dataDirectory = path.join(await temporaryDirectory(), "postgres");
    const first = await startEmbeddedPostgres({ dataDirectory });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)");
    await client.end();
    await first.stop();

    const second = await start(dataDirectory);
    const reader = new pg.Client({ connectionString: second.url });
    await reader.connect();
    const { rows } = await reader.query<{ value: number }>("SELECT value FROM kept");
    await reader.end();
    expect(rows).toEqual([{ value: 42 }]);
  });

  it("explains a busy port instead of failing obscurely", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;

    const dataDirectory = path.join(await temporaryDirectory(), "postgres");
    const error = await startEmbeddedPostgres({ dataDirectory, port }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).problem).toContain(`Port ${port} is already in use`);
    expect((error as StartupError).remedy).toContain("FAIRSHIFT_PG_PORT");
  });

  it("refuses a non-empty directory that is not a PostgreSQL data directory", async () => {
    const dataDirectory = await temporaryDirectory();
    await fs.writeFile(path.join(dataDirectory, "notes.txt"), "my files");
    const error = await startEmbeddedPostgres({ dataDirectory }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).problem).toContain("is not a PostgreSQL data directory");
    expect(await fs.readFile(path.join(dataDirectory, "notes.txt"), "utf8")).toBe("my files");
  });
});
