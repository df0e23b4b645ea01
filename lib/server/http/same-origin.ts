import { readEnvironment } from "../env";
import { ApiError } from "./api-error";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery guard for cookie-authenticated changes: a POST, PUT, PATCH or DELETE
 * must come from a page of this server (its Origin names this host, or FAIRSHIFT_BASE_URL's).
 * Browsers always send Origin on these; session cookies are also SameSite=Lax.
 */
export function assertSameOrigin(request: Request): void {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const hosts = new Set([new URL(request.url).host]);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  const baseUrl = readEnvironment().FAIRSHIFT_BASE_URL;
  if (baseUrl) hosts.add(new URL(baseUrl).host);
  if (origin && origin !== "null" && hosts.has(safeHost(origin))) return;
  throw new ApiError(
    "forbidden",
    "Refused: a change must be made from Fairshift's own pages (the request's Origin is missing or another site).",
  );
}

function safeHost(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
