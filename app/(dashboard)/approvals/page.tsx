import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { getDb } from "@/lib/server/db";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { AccessDenied } from "../_components/access-denied";
import { ApprovalsScreen } from "./_components/approvals-screen";

export const dynamic = "force-dynamic";
export const metadata = { title: "Approvals · Fairshift" };

/** The managers' queue of time-in-lieu claims, and the payroll export of their teams. */
export default async function ApprovalsPage() {
  const viewer = await requirePageViewer();
  if (viewer.managedTeamIds.length === 0) {
    return <AccessDenied message="Approvals are for managers: you manage no team." />;
  }
  const db = getDb();
  const [teams, settings] = await Promise.all([
    db.team.findMany({
      where: { id: { in: viewer.managedTeamIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    getMetricSettings(db),
  ]);
  return (
    <>
      <h1>Approvals</h1>
      <p className="lede">
        Time-in-lieu claims from the people in {teams.map((team) => team.name).join(", ")}. An
        approved claim is deducted on its day off; a rejection tells the engineer your comment.
      </p>
      <ApprovalsScreen teams={teams.map((team) => team.name)} timeZone={settings.accountTimeZone} />
    </>
  );
}
