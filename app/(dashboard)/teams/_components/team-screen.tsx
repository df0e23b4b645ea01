"use client";

import { useQuery } from "@tanstack/react-query";
import { reportQueryOptions } from "@/lib/client/metrics";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { FairnessPanel } from "./fairness-panel";
import { InterruptionHeatmapPanel } from "./interruption-heatmap";
import { AlertBudget, NoisiestServices } from "./noise-panel";
import { PagingTestsPanel } from "./paging-tests-panel";
import { PeopleTable } from "./people-table";
import { RecoveryList } from "./recovery-list";
import { ReportSection } from "./report-section";

/**
 * Team health (PRODUCT.md › Screens): every number is the report's for this team
 * (`GET /api/report?…&team=<name>`, the same as `fairshift report --team`), fetched in the browser
 * because it is computed person by person on each request.
 */
export function TeamScreen({ filters }: { filters: DashboardFilters & { team: string } }) {
  const query = useQuery(reportQueryOptions(filters));
  const report = query.data;
  const teamRow = report?.teams.find(
    (team) => team.name.toLowerCase() === filters.team.toLowerCase(),
  );
  return (
    <>
      <ReportSection
        title="People"
        metric="burnoutRisk"
        description="Interruptions, wake-ups and rest are counted in each person's own time zone; burnout risk looks at the 28 days ending with the period. Click a column heading to sort."
        query={query}
        height={320}
        testId="people-section"
      >
        {() =>
          report && report.people.length > 0 ? (
            <PeopleTable people={report.people} filters={filters} />
          ) : (
            <p className="hint">
              Nobody in this team had a page or an on-call shift in this period.
            </p>
          )
        }
      </ReportSection>

      <ReportSection
        title="Who needs recovery"
        metric="restBreaches"
        description="People with a call-out that left less than the minimum rest before their next working day, or broke a night's rest where the law protects it. This is about how the rota and the alerts landed, not about anyone's choices: use it to plan recovery time."
        query={query}
        height={60}
      >
        {() => <RecoveryList people={report?.people ?? []} filters={filters} />}
      </ReportSection>

      <FairnessPanel team={teamRow} query={query} />

      <section className="team-heatmap" aria-label="Interruption heatmap">
        <InterruptionHeatmapPanel filters={filters} />
      </section>

      <div className="team-noise">
        <ReportSection
          title="Noisiest services"
          metric="noise"
          description="The team's incidents in this period by service, noisiest first."
          query={query}
        >
          {() => <NoisiestServices services={report?.services ?? []} />}
        </ReportSection>
        <ReportSection
          title="Off-hours alert budget"
          metric="alertBudget"
          description="Distinct alert kinds (service + title with numbers and ids taken out) that paged this team out of hours."
          query={query}
        >
          {() => (report ? <AlertBudget budget={report.offHoursAlertBudget} /> : null)}
        </ReportSection>
      </div>

      <ReportSection
        title="Paging-test readiness"
        metric="pagingTests"
        description="Test pages are left out of every other number on this page."
        query={query}
        height={100}
      >
        {() =>
          report ? <PagingTestsPanel pagingTests={report.pagingTests} filters={filters} /> : null
        }
      </ReportSection>
    </>
  );
}
