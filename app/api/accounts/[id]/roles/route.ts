import { requireAccountAdmin } from "@/lib/server/access/authorize";
import { accountView } from "@/lib/server/accounts/account-responses";
import { AccountError, grantRole, revokeRole } from "@/lib/server/accounts/create-account";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { roleChangeSchema } from "@/lib/shared/accounts-api";

export const dynamic = "force-dynamic";

/** `POST /api/accounts/{id}/roles {action: grant|revoke, role, teamId?}` (admins). */
export const POST = authorizedRoute(
  async (request, viewer, context: { params: Promise<{ id: string }> }) => {
    requireAccountAdmin(viewer);
    const { id } = await context.params;
    const change = roleChangeSchema.parse(await request.json().catch(() => null));
    const db = getDb();
    if (!(await accountView(db, id))) throw new ApiError("not_found", "No such account.");
    if (change.teamId && !(await db.team.findUnique({ where: { id: change.teamId } }))) {
      throw new ApiError("unprocessable", `No team with id ${change.teamId}.`);
    }
    const actor = { userId: viewer.userId, label: viewer.email };
    try {
      if (change.action === "grant") {
        await grantRole(db, id, change.role, change.teamId ?? null, actor);
      } else {
        await revokeRole(db, id, change.role, change.teamId ?? null, actor);
      }
    } catch (error) {
      if (error instanceof AccountError) throw new ApiError("unprocessable", error.message);
      throw error;
    }
    return Response.json({ account: await accountView(db, id) });
  },
);
