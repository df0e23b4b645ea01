import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { getDb } from "@/lib/server/db";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { describeRoles, managesAccounts, managesData } from "@/lib/shared/access-policy";
import { AccountMenu } from "./_components/account-menu";
import { NotificationBell } from "./_components/notification-bell";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const db = getDb();
  const [managed, settings] = await Promise.all([
    db.team.findMany({
      where: { id: { in: viewer.managedTeamIds } },
      select: { id: true, name: true },
    }),
    getMetricSettings(db),
  ]);
  const teamName = (id: number) => managed.find((team) => team.id === id)?.name ?? `team ${id}`;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <Link href="/" className="brand">
          Fairshift
        </Link>
        <span className="tagline">On-call health and fairness</span>
        <nav aria-label="Main" className="shell-nav">
          <Link href="/">Quarterly review</Link>
          <Link href="/teams">Teams</Link>
          <Link href="/incidents">Incidents</Link>
          {viewer.personId !== null ? (
            <Link href={`/people/${viewer.personId}#ledger`}>My time in lieu</Link>
          ) : null}
          {viewer.managedTeamIds.length > 0 ? <Link href="/approvals">Approvals</Link> : null}
          {managesData(viewer) ? <Link href="/data">Data</Link> : null}
          {managesAccounts(viewer) ? <Link href="/accounts">Accounts</Link> : null}
        </nav>
        <NotificationBell timeZone={settings.accountTimeZone} />
        <AccountMenu
          name={viewer.name}
          email={viewer.email}
          roles={describeRoles(viewer, teamName)}
        />
      </header>
      <main id="main">{children}</main>
    </>
  );
}
