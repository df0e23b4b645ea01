import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { managesAccounts } from "@/lib/shared/access-policy";
import { AccessDenied } from "../_components/access-denied";
import { AccountsScreen } from "./_components/accounts-screen";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accounts · Fairshift" };

export default async function AccountsPage() {
  if (!managesAccounts(await requirePageViewer())) {
    return <AccessDenied message="Accounts are managed by admins." />;
  }
  return (
    <>
      <h1>Accounts</h1>
      <p className="lede">
        Who signs in and what they see. An account whose e-mail matches a PagerDuty person is linked
        to them and is an engineer (their own data and their teams&apos; figures); grant manager per
        team, leadership or admin here. Every change is in the audit trail.
      </p>
      <AccountsScreen />
    </>
  );
}
