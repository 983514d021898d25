import type { Core } from '@strapi/strapi';
import { adminCityScope } from '../../../../../bootstrap/city-scope';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../../orders/server/src/domain/order-status';
import { acceptsRefunds, PAYMENT_STATUS_LABELS, type PaymentStage, type RefundStatus } from '../domain/payment-labels';
import { refundable, type PaymentStatus } from '../domain/payment-status';
import type { Channel } from '../providers/types';
import { getService, PAYMENT_UID, REFUND_UID } from '../utils';

const ORDER_UID = 'plugin::orders.order';
/** Order numbers matched by a search; beyond this the operator should type more of the number. */
const ORDER_MATCH_LIMIT = 500;

export interface AdminUser {
  id: number;
  email: string;
  roles?: Array<{ code: string; name: string }>;
}

export interface PaymentFilters {
  /** Part of an order number, a merchant trade number (outTradeNo) or a channel transaction id. */
  q?: string;
  channel?: Channel;
  status?: PaymentStatus;
  /** Instants (ISO); a payment counts by when it was paid, or created if it never was. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

interface PaymentRow {
  id: number;
  documentId: string;
  outTradeNo: string;
  orderRef: number | null;
  memberId: number;
  stage: PaymentStage;
  channel: Channel;
  clientType: string | null;
  amount: number;
  paymentStatus: PaymentStatus;
  transactionId: string | null;
  paidAt: string | null;
  expiresAt: string | null;
  closedAt: string | null;
  refundedAmount: number | null;
  rawNotification: unknown;
  reviewReason: string | null;
  city: string | null;
  createdAt: string;
}

interface RefundRow {
  id: number;
  documentId: string;
  outRefundNo: string;
  amount: number;
  reason: string;
  refundStatus: RefundStatus;
  channelRefundId: string | null;
  requestedBy: string | null;
  operatorId: number | null;
  completedAt: string | null;
  createdAt: string;
  raw: any;
}

interface OrderRef {
  id: number;
  documentId: string;
  orderNo: string;
  orderStatus: OrderStatus;
}

const SUMMARY_FIELDS = [
  'id', 'documentId', 'outTradeNo', 'orderRef', 'memberId', 'stage', 'channel', 'amount', 'paymentStatus',
  'transactionId', 'paidAt', 'refundedAmount', 'reviewReason', 'city', 'createdAt',
];

const orderView = (order: OrderRef | undefined) =>
  order ? { documentId: order.documentId, orderNo: order.orderNo, status: order.orderStatus, statusLabel: ORDER_STATUS_LABELS[order.orderStatus] ?? order.orderStatus } : null;

function summaryView(row: PaymentRow, order: OrderRef | undefined) {
  return {
    documentId: row.documentId,
    outTradeNo: row.outTradeNo,
    transactionId: row.transactionId ?? null,
    channel: row.channel,
    stage: row.stage,
    amount: row.amount,
    status: row.paymentStatus,
    refundedAmount: row.refundedAmount ?? 0,
    paidAt: row.paidAt ?? null,
    createdAt: row.createdAt,
    city: row.city ?? null,
    memberId: row.memberId,
    reviewReason: row.reviewReason ?? null,
    order: orderView(order),
  };
}

/** What the channel said last when a refund did not go through, for the operator deciding to retry. */
function lastError(refund: RefundRow): string | null {
  if (refund.refundStatus !== 'pending' && refund.refundStatus !== 'failed') return null;
  const raw = refund.raw ?? {};
  if (typeof raw.error === 'string') return raw.error;
  if (refund.refundStatus === 'failed') {
    const message = raw.message ?? raw.sub_msg ?? raw.respMsg ?? raw.status;
    return typeof message === 'string' ? message : null;
  }
  return null;
}

const adminName = (u: { firstname?: string | null; lastname?: string | null; username?: string | null; email?: string }) =>
  [u.lastname, u.firstname].filter(Boolean).join('') || u.username || u.email || null;

/**
 * 支付流水 for operators: payments searched by order number, merchant trade number or channel
 * transaction id; details with refunds; operator refunds and their retries. A 城市运营 only sees
 * and touches payments of their cities; the rest are 404 to them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** undefined = every city; [] = none. */
  // Scoped unless every payments action the admin holds is granted without the same-city condition.
  const scopeOf = (user: AdminUser) => adminCityScope(strapi, user, 'plugin::payments');

  async function ordersMatching(q: string): Promise<number[]> {
    const rows = await strapi.db.query(ORDER_UID).findMany({ where: { orderNo: { $containsi: q } }, select: ['id'], limit: ORDER_MATCH_LIMIT });
    return rows.map((r: { id: number }) => r.id);
  }

  async function whereFor(user: AdminUser, filters: Partial<PaymentFilters>) {
    const scope = await scopeOf(user);
    const and: Record<string, unknown>[] = [];
    if (scope) and.push({ city: { $in: scope.length ? scope : ['-'] } });
    if (filters.channel) and.push({ channel: filters.channel });
    if (filters.status) and.push({ paymentStatus: filters.status });
    if (filters.from || filters.to) {
      const range = { ...(filters.from ? { $gte: new Date(filters.from) } : {}), ...(filters.to ? { $lt: new Date(filters.to) } : {}) };
      and.push({ $or: [{ paidAt: range }, { paidAt: { $null: true }, createdAt: range }] });
    }
    if (filters.q) {
      const either: Record<string, unknown>[] = [{ outTradeNo: { $containsi: filters.q } }, { transactionId: { $containsi: filters.q } }];
      const orderIds = await ordersMatching(filters.q);
      if (orderIds.length) either.push({ orderRef: { $in: orderIds } });
      and.push({ $or: either });
    }
    return and.length ? { $and: and } : {};
  }

  async function ordersById(ids: Array<number | null>): Promise<Map<number, OrderRef>> {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
    if (!wanted.length) return new Map();
    const rows = (await strapi.db.query(ORDER_UID).findMany({
      where: { id: { $in: wanted } },
      select: ['id', 'documentId', 'orderNo', 'orderStatus'],
    })) as OrderRef[];
    return new Map(rows.map((o) => [o.id, o]));
  }

  /** The payment behind a documentId (or id), if this admin may see it. */
  async function scopedPayment(user: AdminUser, key: { documentId: string } | { id: number }): Promise<PaymentRow> {
    const where = await whereFor(user, {});
    const row = (await strapi.db.query(PAYMENT_UID).findOne({ where: { $and: [key, where] } })) as PaymentRow | null;
    if (!row) throw notFound('支付记录不存在');
    return row;
  }

  async function scopedRefund(user: AdminUser, documentId: string): Promise<{ id: number; documentId: string; paymentRef: number }> {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { documentId }, select: ['id', 'documentId', 'paymentRef'] });
    if (!refund) throw notFound('退款记录不存在');
    // Out of scope reads as missing, like the payment itself.
    await scopedPayment(user, { id: refund.paymentRef }).catch(() => {
      throw notFound('退款记录不存在');
    });
    return refund;
  }

  async function refundsOf(paymentId: number) {
    const rows = (await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentId }, orderBy: [{ id: 'asc' }] })) as RefundRow[];
    const operatorIds = [...new Set(rows.map((r) => r.operatorId).filter((id): id is number => typeof id === 'number'))];
    const operators = operatorIds.length
      ? await strapi.db.query('admin::user').findMany({ where: { id: { $in: operatorIds } }, select: ['id', 'firstname', 'lastname', 'username', 'email'] })
      : [];
    const names = new Map(operators.map((u: any) => [u.id, adminName(u)]));
    return rows.map((r) => ({
      documentId: r.documentId,
      outRefundNo: r.outRefundNo,
      amount: r.amount,
      reason: r.reason,
      status: r.refundStatus,
      channelRefundId: r.channelRefundId ?? null,
      requestedBy: r.requestedBy ?? 'system',
      operator: r.operatorId ? { id: r.operatorId, name: names.get(r.operatorId) ?? null } : null,
      createdAt: r.createdAt,
      completedAt: r.completedAt ?? null,
      lastError: lastError(r),
    }));
  }

  async function detailOf(row: PaymentRow) {
    const [orders, refunds, member] = await Promise.all([
      ordersById([row.orderRef]),
      refundsOf(row.id),
      strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: row.memberId }, select: ['id', 'username', 'nickname', 'phone'] }),
    ]);
    // Refunds asked for but not settled already hold part of what is left.
    const open = refunds.filter((r) => r.status === 'pending' || r.status === 'processing' || r.status === 'abnormal').reduce((sum, r) => sum + r.amount, 0);
    return {
      ...summaryView(row, row.orderRef ? orders.get(row.orderRef) : undefined),
      clientType: row.clientType ?? null,
      expiresAt: row.expiresAt ?? null,
      closedAt: row.closedAt ?? null,
      refundable: Math.max(0, refundable({ ...row, refundedAmount: row.refundedAmount ?? 0 }) - open),
      member: member ? { id: member.id, nickname: member.nickname ?? member.username ?? null, phone: member.phone ?? null } : null,
      refunds,
      rawNotification: row.rawNotification ?? null,
    };
  }

  return {
    scopeOf,

    async list(user: AdminUser, filters: PaymentFilters) {
      const where = await whereFor(user, filters);
      const [rows, total] = await Promise.all([
        strapi.db.query(PAYMENT_UID).findMany({
          where,
          select: SUMMARY_FIELDS,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (filters.page - 1) * filters.pageSize,
          limit: filters.pageSize,
        }),
        strapi.db.query(PAYMENT_UID).count({ where }),
      ]);
      const orders = await ordersById((rows as PaymentRow[]).map((r) => r.orderRef));
      return {
        data: (rows as PaymentRow[]).map((row) => summaryView(row, row.orderRef ? orders.get(row.orderRef) : undefined)),
        pagination: { page: filters.page, pageSize: filters.pageSize, total, pageCount: Math.ceil(total / filters.pageSize) },
      };
    },

    async detail(user: AdminUser, documentId: string) {
      return detailOf(await scopedPayment(user, { documentId }));
    },

    /** A partial or full refund by an operator, with the reason the member and finance will see. */
    async refund(user: AdminUser, documentId: string, amount: number, reason: string) {
      const payment = await scopedPayment(user, { documentId });
      if (!acceptsRefunds(payment.paymentStatus)) {
        throw new DomainError('CONFLICT', `该笔支付状态为「${PAYMENT_STATUS_LABELS[payment.paymentStatus] ?? payment.paymentStatus}」，不能退款`, {
          status: payment.paymentStatus,
        });
      }
      // A top-up sits in the member's wallet, not in order prepayments: it is not refunded from here.
      if (payment.stage === 'topup') throw new DomainError('CONFLICT', '余额充值不能在支付流水中退款', { stage: payment.stage });
      const created = await getService(strapi, 'refunds').refundPayment(payment.id, amount, reason, { requestedBy: 'operator', operatorId: user.id });
      const detail = await detailOf(await scopedPayment(user, { id: payment.id }));
      return { refund: detail.refunds.find((r) => r.documentId === created.documentId) ?? null, payment: detail };
    },

    /** An abnormal refund: WeChat pays it to a bank card (WeChat only). */
    async applyAbnormalRefund(user: AdminUser, refundDocumentId: string, type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD') {
      const refund = await scopedRefund(user, refundDocumentId);
      await getService(strapi, 'refunds').applyAbnormalToBankCard(refund.id, type, user.id);
      const detail = await detailOf(await scopedPayment(user, { id: refund.paymentRef }));
      return { refund: detail.refunds.find((r) => r.documentId === refund.documentId) ?? null, payment: detail };
    },

    /** An abnormal refund paid outside the channel: recorded, audited and booked. */
    async recordOfflineTransfer(user: AdminUser, refundDocumentId: string, reference: string, reason: string) {
      const refund = await scopedRefund(user, refundDocumentId);
      await getService(strapi, 'refunds').recordOfflineTransfer(refund.id, { reference, reason, operatorId: user.id });
      const detail = await detailOf(await scopedPayment(user, { id: refund.paymentRef }));
      return { refund: detail.refunds.find((r) => r.documentId === refund.documentId) ?? null, payment: detail };
    },

    /** Sends a refund the channel never took (or turned down) again. */
    async retryRefund(user: AdminUser, refundDocumentId: string) {
      const refund = await strapi.db.query(REFUND_UID).findOne({ where: { documentId: refundDocumentId }, select: ['id', 'documentId', 'paymentRef'] });
      if (!refund) throw notFound('退款记录不存在');
      // Out of scope reads as missing, like the payment itself.
      await scopedPayment(user, { id: refund.paymentRef }).catch(() => {
        throw notFound('退款记录不存在');
      });
      await getService(strapi, 'refund-retry').retry(refund.id);
      const detail = await detailOf(await scopedPayment(user, { id: refund.paymentRef }));
      return { refund: detail.refunds.find((r) => r.documentId === refund.documentId) ?? null, payment: detail };
    },
  };
};
