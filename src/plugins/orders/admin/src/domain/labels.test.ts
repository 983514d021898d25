import { actorLabel, eventLabel, exceptionTone, operatorActions, statusLabel } from './labels';

describe('order wording and actions in the monitor', () => {
  it('should name statuses, events and actors in Chinese', () => {
    expect(statusLabel('pending_acceptance')).toBe('待接单');
    expect(statusLabel('cancelled')).toBe('已取消');
    expect(eventLabel('create')).toBe('下单');
    expect(eventLabel('cancel')).toBe('取消订单');
    expect(eventLabel('confirmed')).toBe('确认完成');
    expect(eventLabel('refund_owed')).toBe('待退款');
    expect(actorLabel('operator')).toBe('运营');
  });

  it('should offer only the transitions an operator may fire', () => {
    expect(operatorActions('pending_acceptance')).toEqual({ cancel: true, reassign: false, assign: true });
    expect(operatorActions('on_the_way')).toEqual({ cancel: true, reassign: true, assign: false });
    expect(operatorActions('in_service')).toEqual({ cancel: true, reassign: false, assign: false });
    expect(operatorActions('completed')).toEqual({ cancel: false, reassign: false, assign: false });
  });

  it('should colour exceptions that already hurt the customer red', () => {
    expect(exceptionTone('overdue_acceptance')).toBe('danger');
    expect(exceptionTone('late_arrival')).toBe('danger');
    expect(exceptionTone('late_departure')).toBe('warning');
  });
});
