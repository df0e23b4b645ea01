import { z } from "zod";
import { authorizePerson } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getPersonTimeInLieu } from "@/lib/server/queries/get-person-time-in-lieu";
import { decodePathSegment } from "@/lib/server/time-in-lieu/route-input";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { timeZoneSchema } from "@/lib/shared/time-zone";

export const dynamic = "force-dynamic";

const ledgerQuerySchema = z
  .object({ asOf: z.string().optional(), tz: timeZoneSchema.default("UTC") })
  .transform((query, context) => {
    if (query.asOf === undefined) return { asOf: new Date() };
    const asOf = parseLocalDateTime(query.asOf, query.tz);
    if (asOf) return { asOf };
    context.addIssue({
      code: "custom",
      path: ["asOf"],
      message: `"${query.asOf}" is not a date like 2026-10-01 (read in tz).`,
    });
    return z.NEVER;
  });

/**
 * A person's time-in-lieu ledger: `GET /api/people/{id|PagerDuty id|email}/time-in-lieu?asOf=2026-10-01&tz=…`
 * (default now): every accrual, adjustment, claim and expiry with its rule and running balance,
 * what a new claim may take, and what the viewer may do here (`can`).
 */
export const GET = authorizedRoute(
  async (request, viewer, context: { params: Promise<{ person: string }> }) => {
    const key = decodePathSegment((await context.params).person);
    const { asOf } = parseQuery(ledgerQuerySchema, request.url);
    const db = getDb();
    const person = await authorizePerson(db, viewer, key);
    const ledger = await getPersonTimeInLieu(db, String(person.id), asOf, { viewer });
    if (!ledger) throw new ApiError("not_found", `No person "${key}".`);
    return Response.json(ledger);
  },
);
