import { describeProblem, prefixMessages } from './create-i18n';

const MESSAGES: Record<string, string> = {
  'error.unauthenticated': '登录已过期，请重新登录',
  'error.forbidden': '您没有执行此操作的权限',
  'error.actionFailed': '操作失败，请稍后重试',
  'error.notFound': '支付记录不存在，或不在您负责的城市',
};
const t = (key: string) => MESSAGES[key] ?? key;

describe('what an operator is told about a failed request', () => {
  it('should prefer the server message, in Chinese from the domain errors', () => {
    expect(describeProblem(t, { status: 409, message: '订单已被接单' }, 'error.actionFailed')).toBe('订单已被接单');
    expect(describeProblem(t, { status: null, message: null }, 'error.actionFailed')).toBe('操作失败，请稍后重试');
  });

  it('should explain session and permission problems in the plugin words, whatever the server said', () => {
    expect(describeProblem(t, { status: 401, message: 'Missing or invalid credentials' }, 'error.actionFailed')).toBe('登录已过期，请重新登录');
    expect(describeProblem(t, { status: 403, message: 'Policy Failed' }, 'error.actionFailed')).toBe('您没有执行此操作的权限');
  });

  it('should name a silent 404 only for a plugin that has words for it', () => {
    expect(describeProblem(t, { status: 404, message: null }, 'error.actionFailed', 'error.notFound')).toBe('支付记录不存在，或不在您负责的城市');
    expect(describeProblem(t, { status: 404, message: '退款不存在' }, 'error.actionFailed', 'error.notFound')).toBe('退款不存在');
    expect(describeProblem(t, { status: 404, message: null }, 'error.actionFailed')).toBe('操作失败，请稍后重试');
  });
});

describe('plugin messages under the plugin id', () => {
  it('should prefix every key and keep the text', () => {
    expect(prefixMessages('orders', { 'plugin.name': '订单监控', 'list.refresh': '刷新' })).toEqual({
      'orders.plugin.name': '订单监控',
      'orders.list.refresh': '刷新',
    });
  });
});
