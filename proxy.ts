import { type NextRequest, NextResponse } from "next/server";

/**
 * A quick redirect to the sign-in screen for page requests without a session cookie, keeping
 * where the person was going. Only a convenience: every page and API route checks the session
 * itself (lib/server/access), so a forged cookie gets no further than this.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => cookie.name.endsWith("fairshift.session_token"));
  if (hasSession) return NextResponse.next();
  const target = new URL("/sign-in", request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== "/") target.searchParams.set("next", next);
  return NextResponse.redirect(target);
}

export const config = {
  // Pages only: the API answers 401 itself; sign-in, first run and Next's assets stay open.
  matcher: ["/((?!api/|sign-in|setup|_next/|favicon.ico).*)"],
};
