import { z } from "zod";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  internal: 500,
};

/** An error a route handler can throw; its message is shown to the user, so make it actionable. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** "from: … ; to: …" — every issue with the field it concerns, as a user can act on it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ` : "") + issue.message)
    .join("; ");
}

/**
 * The one error model of the API: `{ error: { code, message } }`. Validation → 400, ApiError →
 * its status, anything else → a logged 500 with a generic message (details stay in the log).
 */
export function apiErrorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return Response.json(
      { error: { code: "bad_request", message: describeIssues(error) } },
      { status: 400 },
    );
  }
  if (error instanceof ApiError) {
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: error.status },
    );
  }
  console.error("API request failed", error);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on the server; see its log." } },
    { status: 500 },
  );
}

/** Wraps a route handler so every thrown error becomes the API's error model. */
export function withApiErrors<Arguments extends unknown[]>(
  handler: (...args: Arguments) => Promise<Response>,
): (...args: Arguments) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}

/** Parses a URL's query string with a shared zod schema; repeated keys keep the last value. */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  url: string | URL,
): z.output<Schema> {
  const params = new URL(url).searchParams;
  for (const [key, value] of params) {
    // PostgreSQL refuses a NUL in a text parameter: answer 400, not a 500 from the query.
    if (value.includes("\u0000"))
      throw new ApiError("bad_request", `${key}: must not contain a NUL character.`);
  }
  return schema.parse(Object.fromEntries(params.entries()));
}
