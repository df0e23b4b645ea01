import { redirect } from "next/navigation";
import { getDb } from "@/lib/server/db";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "First run · Fairshift" };

/** The first screen of a fresh installation: make the first admin account. */
export default async function SetupPage() {
  if ((await getDb().authUser.count()) > 0) redirect("/sign-in");
  return (
    <main id="main" className="auth-page">
      <p className="brand">Fairshift</p>
      <h1>Create the first admin</h1>
      <p className="lede">
        Fairshift has no accounts yet. The first one manages data, settings and everyone else's
        accounts. (From a terminal instead: <code>npx fairshift user add --admin --email …</code>)
      </p>
      <SetupForm />
    </main>
  );
}
