import { workerAcceptRight, type OfferFact } from '../../../src/plugins/dispatch/server/src/domain/offer-rules';

const NOW = Date.parse('2026-12-02T08:00:00Z');
const offer = (workerId: number, offerState: OfferFact['offerState'], mode: OfferFact['mode'] = 'assign', expiresAt = NOW + 60_000): OfferFact => ({ workerId, offerState, mode, expiresAt });

describe('workerAcceptRight', () => {
  it('lets the holder of an open offer take it, and tells one whose offer ended', () => {
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'offering' }, [offer(7, 'open')], NOW)).toBe('holds_offer');
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'offering' }, [offer(7, 'open', 'assign', NOW)], NOW)).toBe('offer_ended');
    expect(workerAcceptRight(7, { mode: 'grab', taskState: 'offering' }, [offer(7, 'withdrawn', 'grab'), offer(3, 'accepted', 'grab')], NOW)).toBe('offer_ended');
  });

  it('keeps others out while 派单, 推荐 or batch is choosing', () => {
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'offering' }, [offer(3, 'open')], NOW)).toBe('not_offered');
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'offering' }, [offer(3, 'expired')], NOW)).toBe('not_offered');
    expect(workerAcceptRight(7, { mode: 'recommend', taskState: 'offering' }, [offer(3, 'rejected', 'recommend')], NOW)).toBe('not_offered');
    expect(workerAcceptRight(7, { mode: 'batch', taskState: 'waiting_batch' }, [], NOW)).toBe('not_offered');
    expect(workerAcceptRight(7, null, [offer(3, 'open', 'batch')], NOW)).toBe('not_offered');
  });

  it('opens grab rounds and orders handed to the operators to any eligible worker', () => {
    expect(workerAcceptRight(7, { mode: 'grab', taskState: 'offering' }, [offer(3, 'open', 'grab')], NOW)).toBe('open');
    expect(workerAcceptRight(7, { mode: 'manual', taskState: 'escalated' }, [], NOW)).toBe('open');
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'escalated' }, [offer(3, 'rejected')], NOW)).toBe('open');
    expect(workerAcceptRight(7, null, [], NOW)).toBe('open');
    // Dispatch has not offered it to anyone yet (its first search is running).
    expect(workerAcceptRight(7, { mode: 'assign', taskState: 'offering' }, [], NOW)).toBe('open');
  });
});
