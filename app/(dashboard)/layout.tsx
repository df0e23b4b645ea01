import Link from "next/link";
import type { ReactNode } from "react";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="shell-header">
        <Link href="/" className="brand">
          Fairshift
        </Link>
        <span className="tagline">On-call health and fairness</span>
        <nav aria-label="Main" className="shell-nav">
          <Link href="/">Overview</Link>
          <Link href="/data">Data</Link>
        </nav>
      </header>
      <main>{children}</main>
    </>
  );
}
