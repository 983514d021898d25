import { followUpState, followUpWhere, FOLLOW_UP_LABELS, FOLLOW_UP_STATES, ratingBand } from '../../../src/api/feedback/domain/follow-up';

describe('差评跟进 state of a review', () => {
  it('should wait for 客服 on a bad review nobody followed up yet', () => {
    expect(followUpState({ needsFollowUp: true, followedUpAt: null })).toBe('pending');
  });

  it('should be done once followed up, whatever the score', () => {
    expect(followUpState({ needsFollowUp: true, followedUpAt: '2026-12-01T02:00:00.000Z' })).toBe('done');
    expect(followUpState({ needsFollowUp: false, followedUpAt: new Date('2026-12-01T02:00:00.000Z') })).toBe('done');
  });

  it('should need nothing on a good review', () => {
    expect(followUpState({ needsFollowUp: false, followedUpAt: null })).toBe('none');
  });

  it('should have a Chinese label for every state', () => {
    for (const s of FOLLOW_UP_STATES) expect(FOLLOW_UP_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('should ask the database for exactly the rows of each filter', () => {
    expect(followUpWhere('pending')).toEqual({ needsFollowUp: true, followedUpAt: { $null: true } });
    expect(followUpWhere('done')).toEqual({ followedUpAt: { $notNull: true } });
    expect(followUpWhere('all')).toEqual({});
  });
});

describe('star band of an overall score', () => {
  it('should take [n, n+1) for 1–4 stars and exactly 5 for five', () => {
    expect(ratingBand(1)).toEqual({ $gte: 1, $lt: 2 });
    expect(ratingBand(4)).toEqual({ $gte: 4, $lt: 5 });
    expect(ratingBand(5)).toEqual({ $gte: 5 });
  });
});
