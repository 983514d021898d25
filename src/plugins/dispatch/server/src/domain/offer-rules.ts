/**
 * Offer and escalation rules, pure. An order under dispatch goes through rounds: in assign
 * (派单) and recommend modes a round offers the order to candidates one at a time, each with the
 * offer timeout; in grab (抢单) mode a round broadcasts to every eligible worker for one timeout.
 * A round ends when its offers are used up; after the last round the operators are alerted and
 * the order waits for a manual assignment (or for its start to pass, which closes it).
 */
export const OFFER_STATES = ['open', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export const OFFER_STATE_LABELS: Readonly<Record<OfferState, string>> = {
  open: '待响应',
  accepted: '已接受',
  rejected: '已拒绝',
  expired: '已超时',
  withdrawn: '已撤回',
};

export const TASK_STATES = ['offering', 'waiting_batch', 'escalated', 'assigned', 'closed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  offering: '派单中',
  waiting_batch: '等待批量派单',
  escalated: '待人工处理',
  assigned: '已接单',
  closed: '已结束',
};

export interface RoundRules {
  offersPerRound: number;
  maxRounds: number;
}

export type NextStep = { kind: 'offer'; round: number } | { kind: 'escalate'; round: number };

/**
 * After an offer ended without acceptance: offer again in this round, start the next round, or
 * escalate. `offersInRound` counts the offers already made in `round`.
 *   offersPerRound 3, maxRounds 2: round 1 with 3 offers made → next round 2; round 2 with 3 → escalate
 */
export function nextStep(round: number, offersInRound: number, rules: RoundRules, candidatesLeft: boolean): NextStep {
  if (!candidatesLeft) return { kind: 'escalate', round };
  if (offersInRound < rules.offersPerRound) return { kind: 'offer', round };
  if (round < rules.maxRounds) return { kind: 'offer', round: round + 1 };
  return { kind: 'escalate', round };
}

export const offerExpiry = (now: Date, timeoutSeconds: number): Date => new Date(now.getTime() + timeoutSeconds * 1000);

/** Orders still waiting when their start passes are closed and refunded. */
export const startHasPassed = (scheduledAt: string | Date, now: Date): boolean => new Date(scheduledAt).getTime() <= now.getTime();
