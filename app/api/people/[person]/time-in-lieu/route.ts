import { z } from "zod";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { getPersonTimeInLieu } from "@/lib/server/queries/get-person-time-in-lieu";
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
 * (default now): every accrual, adjustment, claim and expiry with its rule and running balance.
 */
export const GET = withApiErrors(
  async (request: Request, context: { params: Promise<{ person: string }> }) => {
    const { person } = await context.params;
    const { asOf } = parseQuery(ledgerQuerySchema, request.url);
    const ledger = await getPersonTimeInLieu(getDb(), decodeURIComponent(person), asOf);
    if (!ledger)
      throw new ApiError("not_found", `No person "${person}": use an id, PagerDuty id or e-mail.`);
    return Response.json(ledger);
  },
);
