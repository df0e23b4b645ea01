import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Applies committed migrations with `prisma migrate deploy` (the offline WASM schema engine, see
 * prisma.config.ts). Never `migrate dev`: production and CI only ever apply what is committed.
 */
export async function runMigrations(databaseUrl: string): Promise<string> {
  return runPrisma(["migrate", "deploy"], databaseUrl);
}

export async function migrationStatus(databaseUrl: string): Promise<string> {
  return runPrisma(["migrate", "status"], databaseUrl);
}

function runPrisma(args: string[], databaseUrl: string): Promise<string> {
  const prismaCli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
