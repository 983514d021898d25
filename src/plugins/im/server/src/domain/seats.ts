import type { SenderRole } from '../../../shared/contracts/im';

/** The two user seats of a conversation (worker null for support) and who asks. */
export interface Seats {
  kind: 'order' | 'support';
  memberId: number;
  workerUserId: number | null;
}

export type Principal = { kind: 'user'; id: number } | { kind: 'admin'; id: number };

/**
 * The seat a principal takes in a conversation, or null for an outsider. 客服 sit in support
 * conversations only (whether this admin may is decided by RBAC and city, outside this function);
 * an order conversation is the member's and the worker's alone.
 */
export function seatOf(seats: Seats, who: Principal): SenderRole | null {
  if (who.kind === 'admin') return seats.kind === 'support' ? 'support' : null;
  if (who.id === seats.memberId) return 'member';
  if (seats.kind === 'order' && seats.workerUserId !== null && who.id === seats.workerUserId) return 'worker';
  return null;
}


export const readMarkerField = (role: SenderRole): 'memberReadUpTo' | 'workerReadUpTo' | 'supportReadUpTo' =>
  role === 'worker' ? 'workerReadUpTo' : role === 'support' ? 'supportReadUpTo' : 'memberReadUpTo';
