import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repositoryRootOf } from "./repository-root";

describe("repositoryRootOf", () => {
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "fairshift-root-"));
  afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));
  fs.writeFileSync(path.join(checkout, "package.json"), "{}");
  const moduleAt = (...parts: string[]) => {
    fs.mkdirSync(path.join(checkout, ...parts.slice(0, -1)), { recursive: true });
    return pathToFileURL(path.join(checkout, ...parts)).href;
  };

  it("finds the checkout from a source module two levels down", () => {
    expect(repositoryRootOf(moduleAt("importers", "commands", "start-command.ts"))).toBe(checkout);
  });

  it("finds it from the CLI bundle three levels down in node_modules", () => {
    expect(repositoryRootOf(moduleAt("node_modules", ".cache", "fairshift", "cli.mjs"))).toBe(
      checkout,
    );
  });

  it("this repository's own root holds its package.json", () => {
    const root = repositoryRootOf(import.meta.url);
    expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name).toBe(
      "fairshift",
    );
  });
});
