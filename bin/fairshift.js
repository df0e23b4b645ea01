#!/usr/bin/env node
// The `fairshift` bin: runs the TypeScript CLI through tsx, from any working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
await import(path.join(root, "importers", "cli.ts"));
