import type { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

/** Who made a change: a signed-in account, the system, or the command line. */
export interface AuditActor {
  userId: string | null;
  /** Their e-mail, "system" or "command line". */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "system" };
export const COMMAND_LINE_ACTOR: AuditActor = { userId: null, label: "command line" };

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string | number;
  personId?: number | null;
  before: unknown;
  after: unknown;
}

type Writer = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

/** Appends one change to the audit trail; pass the transaction that makes the change. */
export async function recordAudit(db: Writer, record: AuditRecord): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: record.actor.userId,
      actorLabel: record.actor.label,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: String(record.subjectId),
      personId: record.personId ?? null,
      before: toJson(record.before),
      after: toJson(record.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
