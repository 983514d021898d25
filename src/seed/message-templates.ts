import type { MessageTemplateSeed } from './types';

/**
 * Notification texts, keyed by (code, channel). Placeholders: {code} {minutes} {orderNo}
 * {serviceName} {time} {amount} {workerName} {etaMinutes} {reason} (audit and suspension reasons)
 * {typeLabel} {excerpt} (投诉/建议 and the start of 客服's reply).
 * Amounts are rendered in yuan by the sender.
 */
export const MESSAGE_TEMPLATES: readonly MessageTemplateSeed[] = [
  { code: 'worker_approved', channel: 'in_app', name: '入驻审核通过', content: '恭喜，您的师傅入驻申请已通过审核，现在可以开始接单了。' },
  { code: 'worker_approved', channel: 'sms', name: '入驻审核通过（短信）', content: '您的师傅入驻申请已通过审核，登录上门师傅端即可开始接单。' },
  { code: 'worker_rejected', channel: 'in_app', name: '入驻审核未通过', content: '您的师傅入驻申请未通过审核，原因：{reason}。修改后可重新提交。' },
  { code: 'worker_rejected', channel: 'sms', name: '入驻审核未通过（短信）', content: '您的师傅入驻申请未通过审核，原因：{reason}。您可修改资料后重新提交。' },
  { code: 'worker_suspended', channel: 'in_app', name: '暂停接单', content: '您的接单资格已被暂停，原因：{reason}。如有疑问请联系客服。' },
  { code: 'worker_suspended', channel: 'sms', name: '暂停接单（短信）', content: '您的接单资格已被暂停，原因：{reason}。如有疑问请联系客服。' },
  { code: 'worker_reinstated', channel: 'in_app', name: '恢复接单', content: '您的接单资格已恢复，可以继续接单。' },
  { code: 'ticket_replied', channel: 'in_app', name: '投诉建议有新回复', content: '客服回复了您的{typeLabel}：{excerpt}' },
  { code: 'sms_login', channel: 'sms', name: '登录验证码', content: '您的验证码为{code}，{minutes}分钟内有效。' },
  {
    code: 'order_paid',
    channel: 'in_app',
    name: '订单支付成功',
    content: '订单{orderNo}已支付{amount}元，我们正在为您安排{serviceName}服务人员。',
  },
  {
    code: 'order_paid',
    channel: 'sms',
    name: '订单支付成功（短信）',
    content: '您的订单{orderNo}已支付{amount}元，我们正在为您安排{serviceName}服务人员。',
  },
  {
    code: 'order_accepted',
    channel: 'sms',
    name: '师傅已接单（短信）',
    content: '您预约的{serviceName}已由{workerName}接单，服务时间{time}，请保持电话畅通。',
  },
  {
    code: 'order_accepted',
    channel: 'in_app',
    name: '师傅已接单',
    content: '{workerName}已接单，将于{time}上门为您提供{serviceName}服务。',
  },
  {
    code: 'worker_departed',
    channel: 'sms',
    name: '师傅已出发（短信）',
    content: '{workerName}已出发，预计{etaMinutes}分钟后到达，可在订单详情查看实时位置。',
  },
  {
    code: 'worker_departed',
    channel: 'in_app',
    name: '师傅已出发',
    content: '{workerName}已出发，预计{etaMinutes}分钟后到达，点击查看实时位置。',
  },
  { code: 'worker_arrived', channel: 'in_app', name: '师傅已到达', content: '{workerName}已到达服务地址，请开门迎接。' },
  {
    code: 'order_completed',
    channel: 'in_app',
    name: '服务已完成',
    content: '订单{orderNo}的{serviceName}服务已完成，感谢您的信任！',
  },
  {
    code: 'order_cancelled',
    channel: 'sms',
    name: '订单已取消（短信）',
    content: '您的订单{orderNo}已取消，原因：{reason}。如已付款，退款将原路退回。',
  },
  {
    code: 'order_cancelled',
    channel: 'in_app',
    name: '订单已取消',
    content: '订单{orderNo}已取消：{reason}。',
  },
  {
    code: 'refund_success',
    channel: 'sms',
    name: '退款成功',
    content: '订单{orderNo}的退款{amount}元已原路退回，预计1-3个工作日到账。',
  },
  {
    code: 'review_invite',
    channel: 'in_app',
    name: '邀请评价',
    content: '您对{workerName}的{serviceName}服务满意吗？评价即可获得积分奖励。',
  },
  {
    code: 'dispatch_offer',
    channel: 'in_app',
    name: '新订单待接单',
    content: '您有新的{serviceName}订单，服务时间{time}，请在{minutes}分钟内确认接单。',
  },
];
