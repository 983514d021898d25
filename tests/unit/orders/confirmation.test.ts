import { autoConfirmDeadline, autoConfirmDue, confirmationView } from '../../../src/plugins/orders/server/src/domain/confirmation';

const completedAt = new Date('2026-03-01T02:00:00.000Z');
const H = 3_600_000;

describe('确认完成 rules', () => {
  it('puts the automatic confirmation N hours after completion, at completion for 0', () => {
    expect(autoConfirmDeadline(completedAt, 72).toISOString()).toBe('2026-03-04T02:00:00.000Z');
    expect(autoConfirmDeadline(completedAt, 0).getTime()).toBe(completedAt.getTime());
  });

  it('is due only for completed, unconfirmed orders whose deadline has passed', () => {
    const row = { orderStatus: 'completed', completedAt, autoConfirmAt: autoConfirmDeadline(completedAt, 72), confirmedAt: null };
    expect(autoConfirmDue(row, new Date(completedAt.getTime() + 71 * H), 72)).toBe(false);
    expect(autoConfirmDue(row, new Date(completedAt.getTime() + 72 * H), 72)).toBe(true);
    expect(autoConfirmDue({ ...row, confirmedAt: completedAt }, new Date(completedAt.getTime() + 80 * H), 72)).toBe(false);
    expect(autoConfirmDue({ ...row, orderStatus: 'cancelled' }, new Date(completedAt.getTime() + 80 * H), 72)).toBe(false);
    // Completed before confirmation existed: no deadline stored, completion + hours counts.
    expect(autoConfirmDue({ ...row, autoConfirmAt: null }, new Date(completedAt.getTime() + 10 * H), 12)).toBe(false);
    expect(autoConfirmDue({ ...row, autoConfirmAt: null }, new Date(completedAt.getTime() + 12 * H), 12)).toBe(true);
  });

  it('shows pending / confirmed on completed orders only', () => {
    expect(confirmationView({ orderStatus: 'in_service' })).toBeNull();
    expect(confirmationView({ orderStatus: 'completed', completedAt, autoConfirmAt: '2026-03-04T02:00:00.000Z' })).toEqual({
      status: 'pending', label: '待确认', confirmedAt: null, confirmedBy: null, autoConfirmAt: '2026-03-04T02:00:00.000Z',
    });
    expect(confirmationView({ orderStatus: 'completed', autoConfirmAt: completedAt, confirmedAt: completedAt, confirmedBy: 'member' })).toMatchObject({
      status: 'confirmed', label: '已确认', confirmedAt: completedAt.toISOString(), confirmedBy: 'member',
    });
  });
});
