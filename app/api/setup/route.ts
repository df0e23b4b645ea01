import { AccountError } from "@/lib/server/accounts/create-account";
import {
  createFirstAdmin,
  firstAdminSchema,
  isFirstRunNeeded,
} from "@/lib/server/accounts/create-first-admin";
import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { assertSameOrigin } from "@/lib/server/http/same-origin";

export const dynamic = "force-dynamic";

/**
 * First run: public because nobody can have a session yet. GET says whether the first-run
 * screen applies; POST makes the first admin and is refused once any account exists.
 */
export const GET = withApiErrors(async () =>
  Response.json({ needed: await isFirstRunNeeded(getDb()) }),
);

export const POST = withApiErrors(async (request: Request) => {
  assertSameOrigin(request);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const input = firstAdminSchema.parse(body);
  const account = await createFirstAdmin(getDb(), input).catch((error: unknown) => {
    if (error instanceof AccountError) throw new ApiError("bad_request", error.message);
    throw error;
  });
  if (!account) {
    throw new ApiError("conflict", "Fairshift already has accounts: sign in, or ask an admin.");
  }
  return Response.json(
    { account: { email: account.email, personId: account.personId, roles: ["admin"] } },
    { status: 201 },
  );
});
