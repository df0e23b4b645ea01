import type { z } from "zod";
import { describeJson } from "./json-fields";

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".") || "the object";
  if (issue.code === "invalid_type") {
    return issue.input === undefined || issue.input === null
      ? `${field} is missing`
      : `${field} ${describeJson(issue.input)} is not a ${issue.expected}`;
  }
  if (issue.code === "too_small" && issue.origin === "string") return `${field} is empty`;
  return `${field}: ${issue.message}`;
}

/**
 * A zod failure as one rejection reason: "incident Q123: created_at is missing; status 7 is not a
 * string". Parse with `{ reportInput: true }` so the reason can quote the value.
 */
export function schemaFailureReason(subject: string, error: z.ZodError): string {
  return `${subject}: ${error.issues.map(describeIssue).join("; ")}`;
}
