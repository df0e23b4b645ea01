import Link from "next/link";

/** What every screen shows before anything was imported: how to get data in. */
export function NoData() {
  return (
    <section className="empty" aria-labelledby="empty-heading">
      <h1 id="empty-heading">No data yet</h1>
      <p>
        Load the demo organisation with <code>npx fairshift seed</code>, import your PagerDuty
        exports on the <Link href="/data">Data</Link> page, or pull your account's history with{" "}
        <code>npx fairshift sync pagerduty</code> (see docs/data-sources.md).
      </p>
    </section>
  );
}
