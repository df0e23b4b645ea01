import Link from "next/link";
import type { ReactNode } from "react";

export default function DashboardLayout({ children }: { children: ReactNode }) {
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
          <Link href="/data">Data</Link>
        </nav>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
