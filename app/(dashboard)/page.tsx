import { getDb } from "@/lib/server/db";
import { getOrganisationSummary } from "@/lib/server/queries/get-organisation-summary";
import { OrganisationOverview } from "./_components/organisation-overview";

// Reads the database on every request; nothing here can be prerendered at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const summary = await getOrganisationSummary(getDb());
  return <OrganisationOverview summary={summary} />;
}
