import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { OFFLINE_TOOL_ENVIRONMENT } from "./offline-tool-environment";
import { StartupError } from "./startup-error";

const require = createRequire(import.meta.url);

/** What a production build depends on; a change to any of these triggers a rebuild. */
const BUILD_INPUTS = [
  "app",
  "lib",
  // The webhook receiver, uploads and the sync run importers' code inside the server.
  "importers",
  "instrumentation.ts",
  "proxy.ts",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
];
const FINGERPRINT_FILE = path.join(".next", "fairshift-build-fingerprint");

/** Builds the dashboard unless .next already holds a build of exactly these sources. */
export async function ensureNextBuild(
  root: string,
): Promise<{ isBuilt: boolean; durationMs: number }> {
  const started = Date.now();
  const fingerprint = await fingerprintSources(root);
  const previous = await fs.readFile(path.join(root, FINGERPRINT_FILE), "utf8").catch(() => "");
  const hasBuild = await fs.access(path.join(root, ".next", "BUILD_ID")).then(
    () => true,
    () => false,
  );
  if (hasBuild && previous === fingerprint) return { isBuilt: false, durationMs: 0 };

  await ensurePrismaClient(root);
  await runNode(root, [require.resolve("next/dist/bin/next"), "build"], "next build");
  await fs.writeFile(path.join(root, FINGERPRINT_FILE), fingerprint);
  return { isBuilt: true, durationMs: Date.now() - started };
}

/** Variables next.config.ts reads while building: a change rebuilds. */
const BUILD_ENVIRONMENT = ["FAIRSHIFT_BASE_URL", "FAIRSHIFT_OIDC_ISSUER"] as const;

export async function fingerprintSources(root: string): Promise<string> {
  const hash = createHash("sha256");
  // next.config.ts's security headers are fixed at build time from these (HSTS, the SSO origin).
  for (const name of BUILD_ENVIRONMENT) hash.update(`${name}=${process.env[name] ?? ""}\n`);
  for (const input of BUILD_INPUTS) {
    for (const file of await listFiles(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(await fs.readFile(file));
    }
  }
  return hash.digest("hex");
}

async function listFiles(entry: string): Promise<string[]> {
  const stat = await fs.stat(entry).catch(() => null);
  if (!stat) return [];
  if (stat.isFile()) return [entry];
  const children = await fs.readdir(entry, { withFileTypes: true });
  const files: string[] = [];
  for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
    if (child.name === "node_modules" || child.name === "generated") continue;
    if (child.name.endsWith(".test.ts")) continue; // tests never change the build
    files.push(...(await listFiles(path.join(entry, child.name))));
  }
  return files;
}

/** `npm install` generates the client (postinstall); regenerate if an install skipped scripts. */
async function ensurePrismaClient(root: string): Promise<void> {
  const client = path.join(root, "prisma", "generated", "client", "client.ts");
  if (
    await fs.access(client).then(
      () => true,
      () => false,
    )
  )
    return;
  await runNode(root, [require.resolve("prisma/build/index.js"), "generate"], "prisma generate");
}

function runNode(root: string, args: string[], label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...OFFLINE_TOOL_ENVIRONMENT },
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new StartupError(`${label} failed (exit ${code}).`, "See the output above."));
    });
  });
}
