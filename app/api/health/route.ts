import { getDb } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client/client";

export const dynamic = "force-dynamic";

/** Public liveness and database check for `npm start`, load balancers and monitoring. */
export async function GET() {
  try {
    await getDb().$queryRaw(Prisma.sql`SELECT 1`);
    return Response.json({ status: "ok", database: "ok" });
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
