import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { lockRow } from '../../../../../runtime/row-lock';
import { tradeNo } from '../domain/trade-no';
import { ProviderError, REQUEST_ERROR_CODES, type Channel, type ClientType, type RequestErrorCode } from '../providers/types';
import { getService, ledger, ordersPort, PAYMENT_UID } from '../utils';
import { walletPayment } from '../../../../settlement/server/src/domain/ledger';
import { amountDueNow } from '../../../../orders/server/src/domain/balance';

export interface PayRequest {
  channel: Channel;
  stage?: 'deposit' | 'final';
  clientType?: ClientType;
  openid?: string;
  /** WeChat JSAPI: the mini-program or 公众号 the openid belongs to. */
  appid?: string;
  clientIp?: string;
}

const REQUEST_ERRORS: Record<RequestErrorCode, { message: string; field?: string }> = {
  OPENID_REQUIRED: { message: '微信内支付需要提供付款人 openid', field: 'openid' },
  CLIENT_IP_REQUIRED: { message: '无法识别付款设备的 IP，请换用其他支付方式' },
  CLIENT_TYPE_UNSUPPORTED: { message: '该支付方式不支持当前客户端，请更换 clientType', field: 'clientType' },
  APPID_NOT_CONFIGURED: { message: '该小程序或公众号未绑定本商户号', field: 'appid' },
};

/**
 * Why creating a channel payment failed, as the member's app should hear it: a request the
 * channel cannot take is the caller's 400; anything else is the channel's 502.
 */
function channelFailure(err: unknown, channel: Channel, log: { warn(message: string): void }): DomainError {
  if (err instanceof DomainError) return err;
  const code = err instanceof ProviderError ? (err.details.code as RequestErrorCode | undefined) : undefined;
  if (code && (REQUEST_ERROR_CODES as readonly string[]).includes(code)) {
    const { message, field } = REQUEST_ERRORS[code];
    return new DomainError('VALIDATION_FAILED', message, { ...(field ? { field } : {}), channel, reason: code });
  }
  // The channel's own text (codes, merchant details) is for our log, not for the member.
  log.warn(`payments: ${channel} refused or failed to create a payment: ${(err as Error)?.message ?? String(err)}`);
  return new DomainError('UPSTREAM_UNAVAILABLE', '支付渠道暂时不可用，请稍后重试', { channel });
}

const ORDER_UID = 'plugin::orders.order';
const PAY_WINDOW_MINUTES = 30;

const DEFAULT_CLIENT: Record<Channel, ClientType> = {
  wechat: 'jsapi',
  alipay: 'wap',
  unionpay: 'wap',
  balance: 'app',
  sandbox: 'h5',
};

/**
 * POST /api/orders/:id/pay. Works out what is due (deposit or full, then the final payment),
 * records a payment, and asks the channel for what the client SDK needs. The channel call is
 * outside any transaction; if it fails the payment is closed and the error surfaces. Wallet
 * (balance) payments complete at once in one transaction.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async newTradeNo(prefix: 'PY' | 'RF' = 'PY'): Promise<string> {
    const settings = await strapi.service('api::settings.platform-setting').current();
    return tradeNo(prefix, clock.now(), crypto.randomInt(0, 100_000_000), settings.timezone);
  },

  async payOrder(memberId: number, orderDocumentId: string, request: PayRequest) {
    const order = await strapi.db.query(ORDER_UID).findOne({
      where: { documentId: orderDocumentId, memberId },
      populate: { city: { select: ['adcode'] } },
    });
    if (!order) throw notFound('订单不存在');

    let stage: 'full' | 'deposit' | 'final';
    if (order.orderStatus === 'pending_payment') {
      stage = order.paymentMode === 'deposit' ? 'deposit' : 'full';
    } else if (order.orderStatus === 'pending_final_payment') {
      stage = 'final';
    } else {
      throw new DomainError('INVALID_TRANSITION', '订单当前无需支付', { status: order.orderStatus });
    }
    const amount = amountDueNow(order);
    if (request.stage && request.stage !== stage) {
      throw new DomainError('VALIDATION_FAILED', stage === 'final' ? '请支付尾款' : '请先支付定金或全款', { field: 'stage', expected: stage });
    }
    if (amount <= 0) {
      // A 100% discount: nothing to collect, the order moves on as paid.
      await strapi.db.transaction(() => ordersPort(strapi).recordPayment(order.documentId, { stage, amount: 0, reference: 'free' }));
      return { payment: null, params: { free: true } };
    }

    const outTradeNo = await this.newTradeNo();
    // The channel's payment window never outlasts the order's own unpaid deadline.
    const deadline = stage === 'final' ? null : await ordersPort(strapi).unpaidDeadline(order.documentId);
    const nowMs = clock.now().getTime();
    if (deadline && deadline.getTime() <= nowMs) throw new DomainError('INVALID_TRANSITION', '订单已超时未支付，即将关闭', { status: order.orderStatus });
    const expiresAt = new Date(Math.min(nowMs + PAY_WINDOW_MINUTES * 60_000, deadline?.getTime() ?? Infinity));
    const base = {
      outTradeNo,
      order: order.id,
      orderRef: order.id,
      memberId,
      stage,
      channel: request.channel,
      clientType: request.clientType ?? DEFAULT_CLIENT[request.channel],
      amount,
      expiresAt,
      city: order.city?.adcode ?? null,
    };

    if (request.channel === 'balance') return this.payFromWallet(memberId, order, base);

    const provider = getService(strapi, 'channels').provider(request.channel);
    const payment = await strapi.db.query(PAYMENT_UID).create({ data: { ...base, paymentStatus: 'created' } });
    try {
      const created = await provider.create({
        outTradeNo,
        amount,
        description: `${order.itemSnapshot?.name ?? '上门服务'} ${order.orderNo}`.slice(0, 127),
        clientType: base.clientType as ClientType,
        openid: request.openid,
        appid: request.appid,
        clientIp: request.clientIp,
        notifyUrl: getService(strapi, 'urls').notifyUrl(request.channel),
        returnUrl: getService(strapi, 'urls').returnUrl(order.documentId, request.channel),
        expiresAt,
      });
      await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { params: created.params } });
      await getService(strapi, 'follow-up').schedule(payment);
      return { payment: { ...publicPayment(payment), paymentStatus: 'created' }, params: created.params };
    } catch (err) {
      // The channel refused or was unreachable: this attempt is over, the member can retry.
      await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { paymentStatus: 'closed', closedAt: clock.now() } });
      throw channelFailure(err, request.channel, strapi.log);
    }
  },

  /** 余额充值: a payment with no order; the notify pipeline credits the wallet when it is paid. */
  async topUp(memberId: number, amount: number, request: Omit<PayRequest, 'stage'>) {
    if (request.channel === 'balance') throw new DomainError('VALIDATION_FAILED', '不能用余额充值余额', { field: 'channel' });
    const provider = getService(strapi, 'channels').provider(request.channel);
    const outTradeNo = await this.newTradeNo();
    const expiresAt = new Date(clock.now().getTime() + PAY_WINDOW_MINUTES * 60_000);
    const clientType = request.clientType ?? DEFAULT_CLIENT[request.channel];
    const payment = await strapi.db.query(PAYMENT_UID).create({
      data: { outTradeNo, memberId, stage: 'topup', channel: request.channel, clientType, amount, expiresAt, paymentStatus: 'created' },
    });
    try {
      const created = await provider.create({
        outTradeNo,
        amount,
        description: '上门余额充值',
        clientType: clientType as ClientType,
        openid: request.openid,
        appid: request.appid,
        clientIp: request.clientIp,
        notifyUrl: getService(strapi, 'urls').notifyUrl(request.channel),
        returnUrl: getService(strapi, 'urls').walletPage(),
        expiresAt,
      });
      await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { params: created.params } });
      await getService(strapi, 'follow-up').schedule(payment);
      return { payment: publicPayment(payment), params: created.params };
    } catch (err) {
      await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { paymentStatus: 'closed', closedAt: clock.now() } });
      throw channelFailure(err, request.channel, strapi.log);
    }
  },

  async payFromWallet(memberId: number, order: any, base: Record<string, any>) {
    const payment = await strapi.db.transaction(async ({ trx }) => {
      await lockRow(strapi.db.connection, trx, 'up_users', memberId);
      const balance = await getService(strapi, 'wallet').balance(memberId, trx);
      if (balance < base.amount) {
        throw new DomainError('INSUFFICIENT_BALANCE', '余额不足', { balance, required: base.amount });
      }
      const now = clock.now();
      const row = await strapi.db.query(PAYMENT_UID).create({
        data: { ...base, paymentStatus: 'paid', transactionId: `BAL${base.outTradeNo}`, channelTxKey: `balance:BAL${base.outTradeNo}`, paidAt: now },
      });
      await ledger(strapi).post(walletPayment(base.outTradeNo, memberId, base.amount, `余额支付 ${order.orderNo}`), { city: base.city });
      await ordersPort(strapi).recordPayment(order.documentId, { stage: base.stage, amount: base.amount, reference: base.outTradeNo });
      return row;
    });
    await getService(strapi, 'notices').paymentSucceeded(memberId, payment, { orderNo: order.orderNo, serviceName: order.itemSnapshot?.name });
    return { payment: publicPayment(payment), params: { channel: 'balance', paid: true } };
  },
});

export function publicPayment(p: any) {
  return {
    documentId: p.documentId,
    outTradeNo: p.outTradeNo,
    channel: p.channel,
    stage: p.stage,
    amount: p.amount,
    status: p.paymentStatus,
    refundedAmount: p.refundedAmount ?? 0,
    paidAt: p.paidAt ?? null,
    expiresAt: p.expiresAt ?? null,
  };
}
