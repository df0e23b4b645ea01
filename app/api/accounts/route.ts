import { requireAccountAdmin } from "@/lib/server/access/authorize";
import { accountView } from "@/lib/server/accounts/account-responses";
import { AccountError, createAccount } from "@/lib/server/accounts/create-account";
import { listAccounts } from "@/lib/server/accounts/list-accounts";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { newAccountSchema } from "@/lib/shared/accounts-api";

export const dynamic = "force-dynamic";

/** `GET /api/accounts`: every account with its person, roles and last sign-in (admins). */
export const GET = authorizedRoute(async (_request, viewer) => {
  requireAccountAdmin(viewer);
  const db = getDb();
  const [accounts, teams] = await Promise.all([
    listAccounts(db),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return Response.json({
    accounts: accounts.map((account) => ({
      ...account,
      lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    })),
    teams,
  });
});

/** `POST /api/accounts {email, name?, password, roles}`: a new account that signs in by password. */
export const POST = authorizedRoute(async (request, viewer) => {
  requireAccountAdmin(viewer);
  const body = newAccountSchema.parse(await request.json().catch(() => null));
  const db = getDb();
  try {
    const { id } = await createAccount(db, body, { userId: viewer.userId, label: viewer.email });
    return Response.json({ account: await accountView(db, id) }, { status: 201 });
  } catch (error) {
    if (error instanceof AccountError) {
      throw new ApiError(
        /already exists/.test(error.message) ? "conflict" : "unprocessable",
        error.message,
      );
    }
    throw error;
  }
});
