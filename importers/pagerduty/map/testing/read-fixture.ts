/** For tests: the shared PagerDuty fixtures (../shared/fixtures/pagerduty, see its README). */
import { readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES_DIRECTORY = path.resolve(
  import.meta.dirname,
  "../../../../../shared/fixtures/pagerduty",
);

export function readFixtureText(relativePath: string): string {
  return readFileSync(path.join(FIXTURES_DIRECTORY, relativePath), "utf8");
}

/** The value at `keys` inside a JSON fixture: `fixtureAt("…/GET_incidents.json", "incidents", 0)`. */
export function fixtureAt(relativePath: string, ...keys: Array<string | number>): unknown {
  let value: unknown = JSON.parse(readFixtureText(relativePath));
  for (const key of keys) {
    if (typeof value !== "object" || value === null || !(key in value)) {
      throw new Error(`${relativePath}: no ${keys.join(".")}`);
    }
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Like `fixtureAt`, for an object a test wants to copy and change. */
export function fixtureObject(
  relativePath: string,
  ...keys: Array<string | number>
): Record<string, unknown> {
  const value = fixtureAt(relativePath, ...keys);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${relativePath}: ${keys.join(".")} is not an object`);
  }
  return value as Record<string, unknown>;
}

export function fixtureArray(relativePath: string, ...keys: Array<string | number>): unknown[] {
  const value = fixtureAt(relativePath, ...keys);
  if (!Array.isArray(value)) throw new Error(`${relativePath}: ${keys.join(".")} is not an array`);
  return value;
}
