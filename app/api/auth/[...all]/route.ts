import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth/auth";

export const dynamic = "force-dynamic";

/**
 * Better Auth's endpoints: /api/auth/sign-in/email, /sign-out, /revoke-sessions (sign out
 * everywhere), /get-session, and with single sign-on /sign-in/social {provider: "oidc"} and /callback/oidc.
 */
export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(getAuth()).POST(request);
