import type { NotificationRule, PageChannel, Person } from "./organisation-types";
import type { Random } from "./random";
import { MINUTE } from "./zoned-time";

/**
 * What happens after an incident triggers, as PagerDuty would log it: the level-1 on-call is
 * notified by their own rules (push now, SMS a minute later, a phone call at five minutes…) until
 * somebody acknowledges or the incident resolves; with no acknowledgement by the escalation
 * delay, level 2 is notified the same way.
 */

export type LogEntryType =
  | "trigger_log_entry"
  | "notify_log_entry"
  | "escalate_log_entry"
  | "assign_log_entry"
  | "acknowledge_log_entry"
  | "resolve_log_entry";

export interface TimelineEvent {
  type: LogEntryType;
  at: number;
  personId: number | null;
  agentType: string | null;
  agentPagerdutyId: string | null;
  channelType: string | null;
  notificationType: PageChannel | null;
  summary: string;
}

export type IncidentEnd =
  /** The monitoring integration resolves it (the alert cleared), `afterMs` after creation. */
  | { kind: "integration"; afterMs: number; integrationId: string }
  /** A responder resolves it `afterMs` after the acknowledgement (or creation when none). */
  | { kind: "responder"; afterMs: number; channel: "website" | "mobile" }
  /** Merged into an open incident on the same service `afterMs` after creation. */
  | { kind: "merge"; afterMs: number; parentNumber: number; byPersonId: number | undefined };

export interface ResponsePlan {
  createdAt: number;
  urgency: "high" | "low";
  trigger: TimelineEvent;
  servicePagerdutyId: string;
  primaryScheduleId: number;
  secondaryScheduleId: number;
  /** Undefined: no escalation (low urgency, paging tests). */
  escalationDelayMs: number | undefined;
  /** Undefined: that responder never acknowledges. */
  primaryAckAfterMs: number | undefined;
  secondaryAckAfterMs: number | undefined;
  end: IncidentEnd;
  /** The acknowledger hands the incident to level 2 (or back to level 1) after a while. */
  reassign: { afterAckMs: number; ackAfterMs: number } | undefined;
}

export interface TimelineContext {
  personAt(scheduleId: number, instant: number): number | undefined;
  person(id: number): Person;
  random: Random;
}

export interface Timeline {
  events: TimelineEvent[];
  acknowledgedAt: number | undefined;
  resolvedAt: number;
}

const ACK_CHANNEL: Record<PageChannel, string> = {
  phone: "phone",
  sms: "sms",
  push: "mobile",
  email: "website",
};

const CHANNEL_WORDS: Record<PageChannel, string> = {
  phone: "phone",
  sms: "SMS",
  push: "push notification",
  email: "email",
};

function userEvent(
  type: LogEntryType,
  at: number,
  person: Person,
  channelType: string,
  summary: string,
): TimelineEvent {
  return {
    type,
    at,
    personId: person.id,
    agentType: "user_reference",
    agentPagerdutyId: person.pagerdutyId,
    channelType,
    notificationType: null,
    summary,
  };
}

export function buildTimeline(plan: ResponsePlan, context: TimelineContext): Timeline {
  const { createdAt } = plan;
  const events: TimelineEvent[] = [plan.trigger];
  const primaryId = context.personAt(plan.primaryScheduleId, createdAt);

  const fixedEnd =
    plan.end.kind === "responder" ? Number.POSITIVE_INFINITY : createdAt + plan.end.afterMs;
  const primaryAckAt =
    primaryId !== undefined && plan.primaryAckAfterMs !== undefined
      ? createdAt + plan.primaryAckAfterMs
      : Number.POSITIVE_INFINITY;

  let secondaryId: number | undefined;
  let escalationAt = Number.POSITIVE_INFINITY;
  let secondaryAckAt = Number.POSITIVE_INFINITY;
  if (plan.escalationDelayMs !== undefined) {
    const due = createdAt + plan.escalationDelayMs;
    if (due < Math.min(primaryAckAt, fixedEnd)) {
      escalationAt = due;
      secondaryId = context.personAt(plan.secondaryScheduleId, due);
      if (secondaryId !== undefined && plan.secondaryAckAfterMs !== undefined) {
        secondaryAckAt = due + plan.secondaryAckAfterMs;
      }
    }
  }

  const firstAck = Math.min(primaryAckAt, secondaryAckAt);
  const acknowledgedAt = firstAck < fixedEnd ? firstAck : undefined;
  const ackerId =
    acknowledgedAt === undefined ? undefined : firstAck === primaryAckAt ? primaryId : secondaryId;
  const resolvedAt = Number.isFinite(fixedEnd)
    ? fixedEnd
    : (acknowledgedAt ?? createdAt) + plan.end.afterMs;
  const stopAt = Math.min(acknowledgedAt ?? Number.POSITIVE_INFINITY, resolvedAt);

  const lastChannel = new Map<number, PageChannel>();
  const notify = (
    personId: number | undefined,
    scheduleId: number,
    from: number,
    until: number,
  ) => {
    if (personId === undefined) return;
    const person = context.person(personId);
    const rules: readonly NotificationRule[] =
      plan.urgency === "high" ? person.highUrgencyRules : person.lowUrgencyRules;
    for (const rule of rules) {
      // PagerDuty sends a few seconds after the rule is due.
      const at = from + rule.afterMinutes * MINUTE + context.random.int(2, 9) * 1000;
      // Only someone holding the schedule at that moment is paged: a handover stops the pages.
      if (at >= until || context.personAt(scheduleId, at) !== personId) continue;
      lastChannel.set(personId, rule.channel);
      events.push({
        type: "notify_log_entry",
        at,
        personId,
        agentType: null,
        agentPagerdutyId: null,
        channelType: "auto",
        notificationType: rule.channel,
        summary: `Notified ${person.name} by ${CHANNEL_WORDS[rule.channel]}.`,
      });
    }
  };

  notify(primaryId, plan.primaryScheduleId, createdAt, stopAt);
  if (Number.isFinite(escalationAt) && escalationAt < stopAt) {
    const secondary = secondaryId === undefined ? undefined : context.person(secondaryId);
    events.push({
      type: "escalate_log_entry",
      at: escalationAt,
      personId: secondary?.id ?? null,
      agentType: "service_reference",
      agentPagerdutyId: plan.servicePagerdutyId,
      channelType: "timeout",
      notificationType: null,
      summary: secondary
        ? `Escalated to level 2: ${secondary.name}.`
        : "Escalated to level 2: nobody on call.",
    });
    notify(secondaryId, plan.secondaryScheduleId, escalationAt, stopAt);
  }

  if (acknowledgedAt !== undefined && ackerId !== undefined) {
    const acker = context.person(ackerId);
    const channel = lastChannel.get(ackerId);
    events.push(
      userEvent(
        "acknowledge_log_entry",
        acknowledgedAt,
        acker,
        channel ? ACK_CHANNEL[channel] : "website",
        `Acknowledged by ${acker.name}.`,
      ),
    );
    if (plan.reassign)
      addReassignment(plan, context, events, acker, acknowledgedAt, resolvedAt, notify);
  }

  events.push(resolveEvent(plan, context, resolvedAt, ackerId ?? primaryId ?? secondaryId));
  events.sort((left, right) => left.at - right.at);
  return { events, acknowledgedAt, resolvedAt };
}

function addReassignment(
  plan: ResponsePlan,
  context: TimelineContext,
  events: TimelineEvent[],
  acker: Person,
  acknowledgedAt: number,
  resolvedAt: number,
  notify: (personId: number | undefined, scheduleId: number, from: number, until: number) => void,
): void {
  const reassign = plan.reassign;
  if (!reassign) return;
  const at = acknowledgedAt + reassign.afterAckMs;
  if (at >= resolvedAt) return;
  // Hand over to whoever holds the other level right now, so the new assignee is on call.
  const ackerIsPrimary = context.personAt(plan.primaryScheduleId, at) === acker.id;
  const scheduleId = ackerIsPrimary ? plan.secondaryScheduleId : plan.primaryScheduleId;
  const targetId = context.personAt(scheduleId, at);
  if (targetId === undefined || targetId === acker.id) return;
  const target = context.person(targetId);
  events.push(
    userEvent(
      "assign_log_entry",
      at,
      acker,
      "website",
      `Reassigned to ${target.name} by ${acker.name}.`,
    ),
  );
  const pagesBefore = events.length;
  const ackAt = at + reassign.ackAfterMs;
  notify(targetId, scheduleId, at, Math.min(ackAt, resolvedAt));
  const lastPage = events.length > pagesBefore ? events[events.length - 1] : undefined;
  if (ackAt < resolvedAt) {
    const channel = lastPage?.notificationType;
    events.push(
      userEvent(
        "acknowledge_log_entry",
        ackAt,
        target,
        channel ? ACK_CHANNEL[channel] : "website",
        `Acknowledged by ${target.name}.`,
      ),
    );
  }
}

function resolveEvent(
  plan: ResponsePlan,
  context: TimelineContext,
  resolvedAt: number,
  responderId: number | undefined,
): TimelineEvent {
  const { end } = plan;
  if (end.kind === "integration" || responderId === undefined) {
    return {
      type: "resolve_log_entry",
      at: resolvedAt,
      personId: null,
      agentType: "inbound_integration_reference",
      agentPagerdutyId: end.kind === "integration" ? end.integrationId : null,
      channelType: "api",
      notificationType: null,
      summary: "Resolved through the API.",
    };
  }
  if (end.kind === "merge") {
    const merger = context.person(end.byPersonId ?? responderId);
    return userEvent(
      "resolve_log_entry",
      resolvedAt,
      merger,
      "website",
      `Resolved by ${merger.name}: merged into incident #${end.parentNumber}.`,
    );
  }
  const resolver = context.person(responderId);
  return userEvent(
    "resolve_log_entry",
    resolvedAt,
    resolver,
    end.channel,
    `Resolved by ${resolver.name}.`,
  );
}
