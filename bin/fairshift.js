#!/usr/bin/env node
// The `fairshift` bin, from any working directory. It runs the TypeScript CLI as one bundle that
// esbuild (tsx's own) writes to node_modules/.cache/fairshift on first use and again whenever a
// file in it changes: through tsx's loader, each of some 400 modules was resolved and compiled
// via a worker thread, half a second of every command's start-up. Where the bundle cannot be
// built or written (a read-only install), the sources run through tsx as before.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "importers", "cli.ts");
const cacheDirectory = path.join(root, "node_modules", ".cache", "fairshift");
const bundle = path.join(cacheDirectory, "cli.mjs");
const inputsFile = path.join(cacheDirectory, "cli.inputs.json");
// Not bundled but read by the build: a change to either means a different bundle.
const BUILD_SETTINGS = ["tsconfig.json", "package.json"];

/** Every file the bundle was built from, with the size and time it had then. */
function readInputs() {
  try {
    return JSON.parse(fs.readFileSync(inputsFile, "utf8"));
  } catch {
    return null;
  }
}

function isUnchanged([file, size, modifiedMs]) {
  try {
    const stat = fs.statSync(path.join(root, file));
    return stat.size === size && stat.mtimeMs === modifiedMs;
  } catch {
    return false;
  }
}

function isBundleCurrent() {
  const inputs = readInputs();
  return inputs !== null && fs.existsSync(bundle) && inputs.every(isUnchanged);
}

async function buildBundle() {
  const esbuild = await import("esbuild");
  const suffix = `.${process.pid}.tmp`;
  const startedMs = Date.now();
  fs.mkdirSync(cacheDirectory, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: bundle + suffix,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
  });
  const files = [...Object.keys(result.metafile.inputs), ...BUILD_SETTINGS];
  const inputs = files.map((file) => {
    const stat = fs.statSync(path.join(root, file));
    return [file, stat.size, stat.mtimeMs];
  });
  // A file saved while esbuild read it may be in the bundle as it was: build again next time.
  const isSettled = inputs.every(([, , modifiedMs]) => modifiedMs < startedMs);
  // The map is named after the temporary file: point the bundle at the final one.
  const code = fs
    .readFileSync(bundle + suffix, "utf8")
    .replace(
      /\/\/# sourceMappingURL=cli\.mjs\.\d+\.tmp\.map\s*$/,
      "//# sourceMappingURL=cli.mjs.map\n",
    );
  fs.writeFileSync(bundle + suffix, code);
  fs.renameSync(`${bundle}${suffix}.map`, `${bundle}.map`);
  fs.renameSync(bundle + suffix, bundle);
  if (!isSettled) return;
  fs.writeFileSync(inputsFile + suffix, JSON.stringify(inputs));
  fs.renameSync(inputsFile + suffix, inputsFile);
}

async function runFromSources() {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(root, "tsconfig.json") });
  await import(pathToFileURL(entry).href);
}

let isBundled = isBundleCurrent();
if (!isBundled) {
  try {
    await buildBundle();
    isBundled = true;
  } catch {
    isBundled = false;
  }
}
if (isBundled) {
  // Stack traces name the TypeScript sources, not lines of the bundle.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  await runFromSources();
}
