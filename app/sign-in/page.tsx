import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { viewerFromHeaders } from "@/lib/server/access/current-viewer";
import { singleSignOnName } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db";
import { safeNextPath } from "@/lib/shared/safe-next-path";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Fairshift" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await viewerFromHeaders(await headers())) redirect(next);
  // A fresh installation has no accounts: its first screen makes the first admin.
  if ((await getDb().authUser.count()) === 0) redirect("/setup");
  return (
    <main id="main" className="auth-page">
      <p className="brand">Fairshift</p>
      <h1>Sign in</h1>
      <SignInForm next={next} singleSignOn={singleSignOnName()} />
    </main>
  );
}
