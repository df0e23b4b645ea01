import { DataScreen } from "./_components/data-screen";
import "./data.css";

export const metadata = { title: "Data · Fairshift" };

export default function DataPage() {
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
