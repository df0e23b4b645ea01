import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's root: the nearest directory at or above the module at `moduleUrl` that holds a
 * package.json. Not a fixed number of `..`: the CLI runs from its sources (through tsx) or as one
 * bundle in node_modules/.cache/fairshift (bin/fairshift.js).
 */
export function repositoryRootOf(moduleUrl: string): string {
  let directory = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (fs.existsSync(path.join(directory, "package.json"))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}: is Fairshift installed?`);
    }
    directory = parent;
  }
}
