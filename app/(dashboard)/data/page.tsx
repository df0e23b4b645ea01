import { DataScreen } from "./_components/data-screen";

export const metadata = { title: "Data · Fairshift" };

export default function DataPage() {
  return (
    <>
      <h1>Data</h1>
      <p className="lede">
        Import PagerDuty exports, follow each import run and see every row that was rejected and
        why. To pull an account's history from the API, run{" "}
        <code>npx fairshift sync pagerduty</code> (see docs/data-sources.md).
      </p>
      <DataScreen />
    </>
  );
}
