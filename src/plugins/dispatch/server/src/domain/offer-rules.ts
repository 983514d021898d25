/**
 * Offer and escalation rules, pure. An order under dispatch goes through rounds: in assign
 * (派单) and recommend modes a round offers the order to candidates one at a time, each with the
 * offer timeout; in grab (抢单) mode a round broadcasts to every eligible worker for one timeout.
 * A round ends when its offers are used up; after the last round the operators are alerted and
 * the order waits for a manual assignment (or for its start to pass, which closes it).
 */
import type { DispatchMode } from './dispatch-mode';
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

export interface OfferFact {
  workerId: number;
  offerState: OfferState;
  mode: DispatchMode;
  expiresAt: number;
}

/**
 * May this worker accept the order themselves?
 * - `holds_offer`: their own offer is open and not yet expired;
 * - `offer_ended`: they had offers and none is open any more (409 OFFER_EXPIRED);
 * - `not_offered`: someone else holds the exclusive offer, or dispatch is still choosing who
 *   gets it (派单/推荐/批量 between two offers, or waiting for the next batch) — 404 to them;
 * - `open`: anyone eligible may take it: a grab round, an order handed to the operators
 *   (manual mode or escalated after the last round), or one dispatch has not offered to anyone
 *   yet (no task, or its first candidate search still running), as before dispatch existed.
 *   worker 7, task assign/offering, offers [{ worker 3, open }] → not_offered
 *   worker 7, task assign/offering, offers [{ worker 3, expired }] → not_offered (the next offer is on its way)
 *   worker 7, task assign/escalated, offers [] → open
 */
export type AcceptRight = 'holds_offer' | 'offer_ended' | 'not_offered' | 'open';

export function workerAcceptRight(workerId: number, task: { mode: DispatchMode; taskState: TaskState } | null, offers: readonly OfferFact[], now: number): AcceptRight {
  const mine = offers.filter((o) => o.workerId === workerId);
  if (mine.some((o) => o.offerState === 'open' && o.expiresAt > now)) return 'holds_offer';
  if (mine.length) return 'offer_ended';
  if (offers.some((o) => o.offerState === 'open' && o.mode !== 'grab')) return 'not_offered';
  if (!task) return 'open';
  if (task.taskState === 'waiting_batch') return 'not_offered';
  // Between two exclusive offers; before the first one the order is as open as before dispatch saw it.
  return task.taskState === 'offering' && task.mode !== 'grab' && offers.length > 0 ? 'not_offered' : 'open';
}
