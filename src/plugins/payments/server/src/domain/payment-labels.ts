/**
 * Chinese names of payment channels, stages and states, shared by the server's messages and the
 * 支付流水 admin page so both say the same thing.
 */
import type { Channel } from '../providers/types';
import type { PaymentStatus } from './payment-status';

export type PaymentStage = 'full' | 'deposit' | 'final' | 'topup';
export type RefundStatus = 'pending' | 'processing' | 'success' | 'failed' | 'abnormal';

export const CHANNELS: readonly Channel[] = ['wechat', 'alipay', 'unionpay', 'balance', 'sandbox'];
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['created', 'paid', 'closed', 'refunded', 'partially_refunded', 'review'];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '银联',
  balance: '余额',
  sandbox: '沙箱',
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, string>> = {
  created: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunded: '已退款',
  partially_refunded: '部分退款',
  review: '待核查',
};

export const STAGE_LABELS: Readonly<Record<PaymentStage, string>> = {
  full: '全款',
  deposit: '定金',
  final: '尾款',
  topup: '充值',
};

export const REFUND_STATUS_LABELS: Readonly<Record<RefundStatus, string>> = {
  pending: '待发送',
  processing: '处理中',
  success: '已退款',
  failed: '退款失败',
  abnormal: '退款异常',
};

export const REFUND_REQUESTERS: Readonly<Record<string, string>> = {
  system: '系统（取消订单）',
  member: '客户',
  operator: '运营',
};

/** Refunds a channel never took (call failed) or turned down may be sent again from 支付流水. */
export const isRetryableRefund = (status: string): boolean => status === 'pending' || status === 'failed';

/** Only money actually received can go back. */
export const acceptsRefunds = (status: string): boolean => status === 'paid' || status === 'partially_refunded';
