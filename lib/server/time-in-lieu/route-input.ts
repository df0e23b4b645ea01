import { ApiError } from "../http/api-error";

/** The path segment as typed (an e-mail arrives as `a%40b.com`); a malformed escape stays. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The request's JSON body; 400 when it is not JSON. An empty body reads as `emptyAs` when given
 * (a body whose fields are all optional). Validate it with a shared schema next.
 */
export async function readJsonBody(
  request: Request,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "" && "emptyAs" in options) return options.emptyAs;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  }
}
