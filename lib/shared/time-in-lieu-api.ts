import { z } from "zod";
import { localDateSchema } from "./settings-requests";
import { timeZoneSchema } from "./time-zone";

/**
 * The time-in-lieu workflow's API contract (docs/accounts.md → Time in lieu): request schemas the
 * routes parse with, and the JSON the routes answer, shared with the screens and the tests.
 * Instants are ISO strings; dates are "YYYY-MM-DD" in the person's zone; hours are to 0.01.
 */

export type ClaimStatus = "pending" | "approved" | "rejected";

const quarterHours = (value: number) => Number.isInteger(value * 4);

/** `POST /api/people/{person}/time-in-lieu/claims` */
export const submitClaimSchema = z.object({
  hours: z
    .number({ error: "Enter the hours as a number, e.g. 7.5." })
    .gt(0, "Claim more than 0 h.")
    .max(24, "A claim is at most 24 h: claim a longer leave one day at a time.")
    .refine(quarterHours, "Use quarter hours, e.g. 7.25, 7.5 or 7.75."),
  date: localDateSchema,
  note: z.string().trim().max(500, "Keep the note to 500 characters.").optional(),
  /** The form's id for this submission (a UUID): sending it twice is refused, not claimed twice. */
  requestId: z
    .string({ error: "Missing: the form sends one per submission." })
    .trim()
    .regex(/^[\w.:-]{8,100}$/, "Use 8 to 100 letters, digits or - _ . : (the form sends a UUID)."),
});
export type SubmitClaimRequest = z.input<typeof submitClaimSchema>;

/** `POST /api/time-in-lieu/claims/{id}/decision` */
export const claimDecisionSchema = z
  .object({
    decision: z.enum(["approve", "reject"], { error: 'decision must be "approve" or "reject".' }),
    comment: z.string().trim().max(500, "Keep the comment to 500 characters.").optional(),
  })
  .superRefine((body, context) => {
    if (body.decision === "reject" && !body.comment) {
      context.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Say why the claim is rejected: the engineer sees your comment.",
      });
    }
  });
export type ClaimDecisionRequest = z.input<typeof claimDecisionSchema>;

/** `POST /api/people/{person}/time-in-lieu/adjustments` */
export const adjustmentSchema = z.object({
  hours: z
    .number({ error: "Enter the hours as a number: 2 adds time, -1.5 removes it." })
    .refine((hours) => hours !== 0, "An adjustment of 0 h changes nothing: enter the hours.")
    .refine((hours) => Math.abs(hours) <= 100, "An adjustment is at most 100 h either way.")
    .refine(quarterHours, "Use quarter hours, e.g. 1.25, -0.5 or 2.75."),
  date: localDateSchema.optional(),
  reason: z
    .string({ error: "Give a reason: the engineer and the audit trail see it." })
    .trim()
    .min(3, "Give a reason of at least 3 characters: the engineer and the audit trail see it.")
    .max(500, "Keep the reason to 500 characters."),
});
export type AdjustmentRequest = z.input<typeof adjustmentSchema>;

/** `GET /api/time-in-lieu/claims?status=` */
export const claimsQuerySchema = z.object({
  status: z
    .enum(["pending", "approved", "rejected", "all"], {
      error: "status must be pending, approved, rejected or all.",
    })
    .default("pending"),
});
export type ClaimsQuery = z.output<typeof claimsQuerySchema>;

/** `GET /api/time-in-lieu/export?from&to&tz&team`: the period [from, to) read in tz. */
export const timeInLieuExportQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    tz: timeZoneSchema.default("UTC"),
    team: z.string().trim().min(1).optional(),
  })
  .refine((query) => query.from < query.to, {
    path: ["to"],
    message: "must be after from (from is inclusive, to exclusive).",
  });
export type TimeInLieuExportQuery = z.output<typeof timeInLieuExportQuerySchema>;

/** `POST /api/notifications/read`: these ids, or every unread one when omitted. */
export const markNotificationsReadSchema = z.object({
  ids: z
    .array(z.number().int().positive(), { error: "ids must be a list of notification ids." })
    .max(500, "Mark at most 500 notifications at a time.")
    .optional(),
});
export type MarkNotificationsReadRequest = z.input<typeof markNotificationsReadSchema>;

/** A claim as the approval queue and the claim endpoints answer it. */
export interface ClaimView {
  id: number;
  person: { id: number; name: string };
  /** The claimant's team names. */
  teams: string[];
  hours: number;
  /** The day off, in the claimant's zone. */
  date: string;
  note: string | null;
  status: ClaimStatus;
  createdAt: string;
  /** The deciding manager's e-mail. */
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /**
   * Pending: the most this claim may be approved for (owed on its day after every other pending
   * and approved claim), so it fits when hours ≤ availableHours. Decided: what the claimant may
   * claim now.
   */
  availableHours: number;
}

export interface ClaimResponse {
  claim: ClaimView;
}

export interface ClaimsResponse {
  claims: ClaimView[];
}

export interface AdjustmentView {
  id: number;
  person: { id: number; name: string };
  /** Signed. */
  hours: number;
  date: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface AdjustmentResponse {
  adjustment: AdjustmentView;
}

/** One change to a person's ledger, from the audit trail. */
export interface LedgerEventView {
  id: number;
  at: string;
  /** The actor's e-mail, "system" or "command line". */
  actor: string;
  /** "claim.submitted", "claim.approved", "claim.rejected", "adjustment.added". */
  action: string;
  before: unknown;
  after: unknown;
}

export interface LedgerHistoryResponse {
  events: LedgerEventView[];
}

/** What the viewer may do on a ledger (GET /api/people/{person}/time-in-lieu → `can`). */
export interface LedgerPermissions {
  claim: boolean;
  adjust: boolean;
  decide: boolean;
}

export interface NotificationView {
  id: number;
  message: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsResponse {
  unread: number;
  notifications: NotificationView[];
}

export interface MarkNotificationsReadResponse {
  unread: number;
}
