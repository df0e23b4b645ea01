import Link from "next/link";

/** What a signed-in person sees for a team, person or screen they have no role in. */
export function AccessDenied({ message }: { message: string }) {
  return (
    <section className="panel access-denied" aria-labelledby="access-denied-heading">
      <h1 id="access-denied-heading">No access</h1>
      <p>{message}</p>
      <p className="hint">
        Access comes from your roles: engineers see their own data and their teams, managers their
        teams' people, leadership the organisation's figures. An admin grants roles on the Accounts
        screen.
      </p>
      <p>
        <Link href="/">Back to the review</Link>
      </p>
    </section>
  );
}
