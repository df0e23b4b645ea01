import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/shared/access-policy";
import { viewerFromHeaders } from "./current-viewer";

/**
 * The signed-in viewer of the page being rendered (once per request), or a redirect to the
 * sign-in screen. Every dashboard page and its layout start here.
 */
export const requirePageViewer = cache(async (): Promise<Viewer> => {
  const viewer = await viewerFromHeaders(await headers());
  if (!viewer) redirect("/sign-in");
  return viewer;
});
