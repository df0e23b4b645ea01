// Run after every `npm install` that changes dependencies: the registry mirror here serves only
// Linux builds, so npm leaves other platforms' optional packages (Biome, Next SWC) out of the lock and
// `npm ci` then rejects the lock as out of sync. This records them as optional, platform-bound
// entries, which `npm ci` validates and skips without downloading.
const fs = require("node:fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const platformOf = (name) => {
  const m = name.match(
    /(android|darwin|freebsd|linux|win32|openbsd|sunos|aix|netbsd)-(x64|arm64|arm|ia32|ppc64|s390x|riscv64|loong64|mips64el|ppc64le)(?:-(gnu|musl|msvc|gnueabihf|eabi))?/,
  );
  if (!m) return null;
  const entry = { os: [m[1]], cpu: [m[2]] };
  if (m[3] === "musl" || m[3] === "gnu") entry.libc = [m[3] === "musl" ? "musl" : "glibc"];
  return entry;
};
const added = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.error("unknown platform for", dep);
      continue;
    }
    if (!/^\d+\.\d+\.\d+/.test(spec)) {
      console.error("non-exact spec", dep, spec);
      continue;
    }
    lock.packages[`node_modules/${dep}`] = {
      version: spec.replace(/^[\^~]/, ""),
      optional: true,
      ...platform,
    };
    added.push(`${dep}@${spec}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
  ),
);
fs.writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.join("\n"));
