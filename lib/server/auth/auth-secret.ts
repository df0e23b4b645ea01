import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectory, readEnvironment } from "../env";

/**
 * The secret that signs session cookies: FAIRSHIFT_AUTH_SECRET, or one made at random on first
 * use and kept in <data dir>/auth-secret (mode 600) so sessions survive a restart. Several
 * replicas must share FAIRSHIFT_AUTH_SECRET.
 */
export function readAuthSecret(): string {
  const environment = readEnvironment();
  if (environment.FAIRSHIFT_AUTH_SECRET) return environment.FAIRSHIFT_AUTH_SECRET;
  const file = path.join(dataDirectory(environment), "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": if another process made it first, read theirs instead of replacing it.
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
