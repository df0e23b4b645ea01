import Link from "next/link";

/** An unknown team, person or incident, or a mistyped address. */
export default function NotFound() {
  return (
    <section className="empty" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Not found</h1>
      <p>
        There is no such page, or the team, person or incident it names does not exist (it may have
        been imported under another id). Go to the <Link href="/">quarterly review</Link>, the{" "}
        <Link href="/teams">teams</Link> or the <Link href="/incidents">incidents</Link>.
      </p>
    </section>
  );
}
