import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fingerprintSources } from "./ensure-next-build";

describe("fingerprintSources", () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "fairshift-fingerprint-"));
    await fs.mkdir(path.join(root, "app"), { recursive: true });
    await fs.writeFile(path.join(root, "app", "page.tsx"), "export default 1;");
    await fs.writeFile(path.join(root, "package-lock.json"), "{}");
  });

  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it("is stable when nothing changed", async () => {
    expect(await fingerprintSources(root)).toBe(await fingerprintSources(root));
  });

  it("changes when a source file's content changes, so npm start rebuilds", async () => {
    const before = await fingerprintSources(root);
    await fs.writeFile(path.join(root, "app", "page.tsx"), "export default 2;");
    expect(await fingerprintSources(root)).not.toBe(before);
  });

  it("ignores test files, which never change the build", async () => {
    const before = await fingerprintSources(root);
    await fs.writeFile(path.join(root, "app", "page.test.ts"), "test");
    expect(await fingerprintSources(root)).toBe(before);
  });
});
