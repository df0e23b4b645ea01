/**
 * Where to go after signing in: a path on this site only (never `//evil.example` or a full
 * URL, which would make the sign-in page an open redirect); "/" otherwise.
 */
export function safeNextPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value.at(-1) : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
