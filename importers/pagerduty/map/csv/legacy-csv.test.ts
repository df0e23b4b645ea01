import { describe, expect, it } from "vitest";
import { parseCsv } from "../testing/parse-csv";
import { onlyRecordOfKind } from "../testing/records-of-kind";
import { createLegacyCsvMapper } from "./legacy-csv";

// Columns of PagerDuty's legacy Reports CSV (fixtures README: only column lists survive). The
// first row restates GET_incidents.json's example incident; the second uses Rails' time format.
const REPORT = `id,incident_number,description,service_name,service_id,team_name,team_id,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,urgency,escalation_policy_name,acknowledged_by_user_names
PT4KHLK,1234,The server is on fire.,My Mail Service,PIJ90N7,Engineering,PQ9K7I8,2015-10-06T21:30:42Z,2015-10-06T21:38:23Z,60,461,high,Another Escalation Policy,Earline Greenholt
PXY12AB,1235,"Queue ""billing"" backed up",My Mail Service,PIJ90N7,,,2014-05-07 13:11:40 -0700,,,,low,Another Escalation Policy,
`;

function mapReport(text: string) {
  const { headers, rows } = parseCsv(text);
  const mapper = createLegacyCsvMapper(headers, { timeZone: null });
  if (!mapper.ok) throw new Error(mapper.reason);
  return rows.map((row) => {
    const result = mapper.mapRow(row);
    if (!result.ok) throw new Error(result.reason);
    return onlyRecordOfKind(result.value, "incident");
  });
}

describe("createLegacyCsvMapper", () => {
  it("maps a resolved incident: resolved_on without a status column means resolved", () => {
    const [first] = mapReport(REPORT);
    expect(first).toEqual({
      kind: "incident",
      pagerdutyId: "PT4KHLK",
      number: 1234,
      title: "The server is on fire.",
      service: { pagerdutyId: "PIJ90N7", name: "My Mail Service" },
      escalationPolicy: { pagerdutyId: null, name: "Another Escalation Policy" },
      teams: [{ pagerdutyId: "PQ9K7I8", name: "Engineering" }],
      urgency: "high",
      priority: null,
      status: "resolved",
      incidentKey: null,
      createdAt: new Date("2015-10-06T21:30:42Z"),
      acknowledgedAt: new Date("2015-10-06T21:31:42Z"),
      resolvedAt: new Date("2015-10-06T21:38:23Z"),
      startedAt: null,
      startedAtSource: null,
      resolvedByMerge: false,
      mergedIntoPagerdutyId: null,
      reportedDetectionSource: null,
      raw: expect.objectContaining({
        id: "PT4KHLK",
        acknowledged_by_user_names: "Earline Greenholt",
      }),
    });
  });

  it("reads Rails' '2014-05-07 13:11:40 -0700' and quoted titles", () => {
    const [, second] = mapReport(REPORT);
    expect(second).toMatchObject({
      pagerdutyId: "PXY12AB",
      title: 'Queue "billing" backed up',
      createdAt: new Date("2014-05-07T20:11:40Z"),
      status: "triggered",
      urgency: "low",
      teams: [],
    });
  });

  it("tolerates CRLF, a BOM and blank lines", () => {
    const text = `\uFEFF${REPORT.replace(/\n/g, "\r\n")}\r\n\r\n`;
    expect(mapReport(text).map((incident) => incident.pagerdutyId)).toEqual(["PT4KHLK", "PXY12AB"]);
  });

  it("refuses an Insights export, whose headers are display names", () => {
    expect(
      createLegacyCsvMapper(["Incident ID", "Title", "Created at"], { timeZone: null }),
    ).toEqual({
      ok: false,
      reason:
        'not a PagerDuty legacy Reports CSV: no "id", "description" or "created_on" column (found: Incident ID, Title, Created at)',
    });
  });
});
