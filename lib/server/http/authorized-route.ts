import type { Viewer } from "@/lib/shared/access-policy";
import { viewerFromHeaders } from "../access/current-viewer";
import { ApiError, withApiErrors } from "./api-error";
import { assertSameOrigin } from "./same-origin";

/**
 * Every API route except health, auth and the signed webhook goes through this: errors in the
 * API's model, the cross-site guard on changes, and a signed-in viewer (401 otherwise). What the
 * viewer may see is then decided by lib/shared/access-policy.ts through lib/server/access.
 */
export function authorizedRoute<Context = unknown>(
  handler: (request: Request, viewer: Viewer, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return withApiErrors(async (request: Request, context: Context) => {
    assertSameOrigin(request);
    const viewer = await viewerFromHeaders(request.headers, request.url);
    if (!viewer) {
      throw new ApiError(
        "unauthorized",
        "Sign in to Fairshift first: you are signed out or your session ended.",
      );
    }
    return handler(request, viewer, context);
  });
}
