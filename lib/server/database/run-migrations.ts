import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { OFFLINE_TOOL_ENVIRONMENT } from "../runtime/offline-tool-environment";

const require = createRequire(import.meta.url);

/**
 * `prisma migrate deploy` (6.19) prints one of these once every migration is committed. It then
 * does not exit on success: a 10 s timer in its WASM schema engine keeps it alive. Failures exit
 * at once with a non-zero code, so the success line is a safe signal to stop waiting.
 */
const DEPLOY_FINISHED =
  /All migrations have been successfully applied\.|No pending migrations to apply\./;

/**
 * Applies committed migrations with `prisma migrate deploy` (the offline WASM schema engine, see
 * prisma.config.ts). Never `migrate dev`: every environment applies only what is committed.
 */
export function runMigrations(databaseUrl: string): Promise<string> {
  const prismaCli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: { ...process.env, ...OFFLINE_TOOL_ENVIRONMENT, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let isFinished = false;
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (!isFinished && DEPLOY_FINISHED.test(output)) {
        isFinished = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (isFinished || code === 0) resolve(output);
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
