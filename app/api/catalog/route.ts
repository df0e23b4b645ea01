import { getDb } from "@/lib/server/db";
import { withApiErrors } from "@/lib/server/http/api-error";
import { listCatalog } from "@/lib/server/queries/list-catalog";

export const dynamic = "force-dynamic";

/** `GET /api/catalog`: the teams and services the dashboard's filters offer. */
export const GET = withApiErrors(async () => Response.json(await listCatalog(getDb())));
