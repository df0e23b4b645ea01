import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { managesData } from "@/lib/shared/access-policy";
import { AccessDenied } from "../_components/access-denied";
import { DataScreen } from "./_components/data-screen";
import "./data.css";

// Who is signed in decides what this page shows.
export const dynamic = "force-dynamic";
export const metadata = { title: "Data · Fairshift" };

export default async function DataPage() {
  if (!managesData(await requirePageViewer())) {
    return <AccessDenied message="Imports, sync, the webhook and settings are for admins." />;
  }
  return (
    <>
      <h1>Data</h1>
      <p className="lede">
        Import PagerDuty exports, follow each import run and see every row that was rejected and
        why; sync from the PagerDuty API (<code>npx fairshift sync pagerduty</code>, see
        docs/data-sources.md); set up the webhook; and edit the settings behind every number.
      </p>
      <DataScreen />
    </>
  );
}
