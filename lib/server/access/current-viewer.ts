import "server-only";
import type { Viewer } from "@/lib/shared/access-policy";
import { getAuth } from "../auth/auth";
import { getDb } from "../db";
import { loadViewer } from "./load-viewer";

/**
 * The viewer whose session cookie these request headers carry, or null when signed out.
 * `url` supplies the host when the headers lack one (a Request made in a test).
 */
export async function viewerFromHeaders(headers: Headers, url?: string): Promise<Viewer | null> {
  let withHost = headers;
  if (!headers.has("host") && url) {
    withHost = new Headers(headers);
    withHost.set("host", new URL(url).host);
  }
  const session = await getAuth().api.getSession({ headers: withHost });
  if (!session) return null;
  return loadViewer(getDb(), session.user.id);
}
