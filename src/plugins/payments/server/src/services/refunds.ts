import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import { fenToYuan } from '../../../../../runtime/money';
import { lockRow } from '../../../../../runtime/row-lock';
import { transaction } from '../../../../../runtime/transaction';
import { refundPaid } from '../../../../settlement/server/src/domain/ledger';
import { refundable, statusAfterRefund } from '../domain/payment-status';
import { allocateOrderRefund } from '../domain/refund-allocation';
import { checkRefundNotice } from '../domain/refund-notice';
import { NOTICE_REFUND_STATE, refundAction, type ChannelRefundState, type RefundAction } from '../domain/refund-outcome';
import type { RefundStatus } from '../domain/payment-labels';
import type { OrderRefundOwed, OwedRefunds } from '../../../shared/contracts/payments-orders';
import type { Channel, VerifiedNotification } from '../providers/types';
import { CHANNEL_NOTICE_UID, getService, ledger, ordersPort, PAYMENT_UID, REFUND_UID } from '../utils';

export interface RefundMeta {
  requestedBy: 'system' | 'member' | 'operator';
  operatorId?: number;
  /** Money the order never counted as paid (a late or second payment sent back): the order's totals stay as they are. */
  outsideOrder?: boolean;
}

/**
 * Money back through the channel it came from. The refund row is written, pending, in the
 * transaction that decides the refund (so the decision and the debt commit together, and a crash
 * leaves a record), the channel is called after commit, and success — immediate or by
 * notification — posts the ledger, updates the payment and tells the order, in one transaction.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Inside the transaction that decides an order owes money back (orders' payments-port): the
   * refund rows are written there, pending, so the decision and the debt commit together or not
   * at all. `sendOwed` sends them once that transaction committed; the sweeper sends whatever a
   * throw or a crash left behind.
   */
  async oweForOrder(input: OrderRefundOwed): Promise<OwedRefunds> {
    return transaction(strapi, async ({ trx }) => {
      const own = await strapi.db.query(PAYMENT_UID).findMany({ where: { orderRef: input.orderId, paymentStatus: { $in: ['paid', 'partially_refunded'] } }, select: ['id'] });
      const ids = own.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b);
      // Same lock as refundPayment and complete(): no other refund of these payments is decided meanwhile.
      for (const id of ids) await lockRow(strapi.db.connection, trx, 'payments', id);
      const payments = ids.length ? await strapi.db.query(PAYMENT_UID).findMany({ where: { id: { $in: ids } } }) : [];
      const refunds = ids.length
        ? await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: { $in: ids } }, select: ['paymentRef', 'orderRef', 'amount', 'refundStatus'] })
        : [];
      const plan = allocateOrderRefund(input.amount, { orderId: input.orderId, payments, refunds });
      if (!plan.ok) return plan;
      const refundIds: number[] = [];
      for (const part of plan.parts) {
        const payment = payments.find((p: { id: number }) => p.id === part.paymentId);
        const row = await this.insertPending(payment, part.amount, input.reason, { requestedBy: input.requestedBy ?? 'system', operatorId: input.operatorId });
        refundIds.push(row.id);
      }
      return { ok: true as const, refundIds };
    });
  },

  /**
   * Inside a transaction: writes one pending refund of a payment whose row the caller locked.
   * Refunds asked for but not finished count against what is left.
   */
  async insertPending(payment: any, amount: number, reason: string, meta: RefundMeta) {
    const open = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: payment.id, refundStatus: { $in: ['pending', 'processing', 'abnormal'] } }, select: ['amount'] });
    const left = refundable(payment) - open.reduce((s: number, r: { amount: number }) => s + r.amount, 0);
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
      throw new DomainError('VALIDATION_FAILED', `退款金额须在 0.01 至 ${fenToYuan(Math.max(0, left))} 元之间`, { field: 'amount', refundable: left });
    }
    const outRefundNo = await getService(strapi, 'checkout').newTradeNo('RF');
    return strapi.db.query(REFUND_UID).create({
      data: {
        outRefundNo,
        payment: payment.id,
        paymentRef: payment.id,
        orderRef: meta.outsideOrder ? null : payment.orderRef,
        amount,
        reason,
        refundStatus: 'pending',
        requestedBy: meta.requestedBy,
        operatorId: meta.operatorId ?? null,
      },
    });
  },

  /** A refund of one payment decided inside the caller's transaction (late or duplicate payment). */
  async owePayment(paymentId: number, amount: number, reason: string, meta: RefundMeta): Promise<number> {
    return transaction(strapi, async ({ trx }) => {
      await lockRow(strapi.db.connection, trx, 'payments', paymentId);
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: paymentId } });
      if (!payment) throw notFound('支付记录不存在');
      return (await this.insertPending(payment, amount, reason, meta)).id as number;
    });
  },

  /**
   * After the deciding transaction: sends the refunds it wrote, now, so a channel that answers at
   * once (wallet, sandbox) shows the refund done in the same response. A send that throws leaves
   * the refund pending for the sweeper. Called while a transaction is still open (the decision was
   * part of a bigger unit), the sends are queued for when it commits instead: never a channel
   * call for a refund that may still roll back.
   */
  async sendOwed(refundIds: number[]): Promise<void> {
    if (refundIds.length === 0) return;
    if (strapi.db.inTransaction()) {
      await transaction(strapi, async ({ onCommit }) => {
        onCommit(() => {
          for (const id of refundIds) {
            getService(strapi, 'refund-sweeper')
              .enqueue(id)
              .catch((err: Error) => strapi.log.warn(`payments: could not queue refund ${id} (the sweeper will send it): ${err.message}`));
          }
        });
      });
      return;
    }
    for (const id of refundIds) {
      const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id } });
      if (!refund || refund.refundStatus !== 'pending') continue;
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
      await this.send(refund, payment, refund.outRefundNo);
    }
  },

  /** An operator's refund of one payment (支付流水): decided, written and sent here. */
  async refundPayment(paymentId: number, amount: number, reason: string, meta: RefundMeta) {
    const refundId = await this.owePayment(paymentId, amount, reason, meta);
    await this.sendOwed([refundId]);
    return this.view(refundId);
  },

  /**
   * Hands a pending refund to where the money came from, under `outRefundNo` (a retry after the
   * channel turned one down needs a new number). A channel that cannot be reached leaves the
   * refund pending for the sweeper or a retry from 支付流水; it is never reported as refunded.
   *
   * The first send stamps `sentAt` and, for a channel that finds refunds by more than outRefundNo
   * (UnionPay: orderId + txnTime), the rest of the identity, before the call: a send whose outcome
   * is unknown is then asked about first, and only sent again — under that same identity — when
   * the channel has no such refund. UnionPay would take a resend with a new txnTime as a second
   * refund.
   */
  async send(
    refund: { id: number; amount: number; reason: string; sentAt?: string | Date | null; channelReference?: string | null },
    payment: any,
    outRefundNo: string,
    options: { rethrow?: boolean } = {},
  ) {
    if (payment.channel === 'balance') {
      await this.complete(refund.id, `BALR${outRefundNo}`, { wallet: true });
      return;
    }
    const provider = getService(strapi, 'channels').provider(payment.channel as Channel);
    let reference = refund.channelReference ?? undefined;
    let reached = false;
    try {
      if (refund.sentAt && provider.refundReference && reference) {
        const answer = await provider.queryRefund({ outTradeNo: payment.outTradeNo, outRefundNo, reference });
        if (answer.status !== 'not_found') {
          await this.applyChannelAnswer(refund.id, answer.status, { refundId: answer.refundId, amount: answer.amount, raw: { query: answer.raw } });
          await this.followUpIfOpen(refund.id);
          return;
        }
      }
      if (!refund.sentAt || (provider.refundReference && !reference)) {
        if (provider.refundReference && !reference) reference = provider.refundReference();
        const { count } = await strapi.db.query(REFUND_UID).updateMany({
          where: { id: refund.id, refundStatus: 'pending' },
          data: { sentAt: refund.sentAt ?? clock.now(), channelReference: reference ?? null },
        });
        // Settled meanwhile (a notification, a query): nothing to send.
        if (count !== 1) return;
      }
      reached = true;
      const result = await provider.refund({
        outTradeNo: payment.outTradeNo,
        transactionId: payment.transactionId,
        outRefundNo,
        amount: refund.amount,
        total: payment.amount,
        reason: refund.reason,
        notifyUrl: getService(strapi, 'urls').notifyUrl(payment.channel),
        reference,
      });
      if (result.status === 'success') await this.complete(refund.id, result.refundId ?? outRefundNo, result.raw);
      else if (result.status === 'processing') {
        // The channel's notification may have overtaken its answer and settled the refund already.
        await strapi.db.query(REFUND_UID).updateMany({
          where: { id: refund.id, refundStatus: 'pending' },
          data: { refundStatus: 'processing', channelRefundId: result.refundId ?? null, raw: result.raw as object },
        });
        await this.followUpIfOpen(refund.id);
      } else if (result.status === 'abnormal') await this.markAbnormal(refund.id, result.refundId, result.raw);
      else await this.fail(refund.id, result.raw);
    } catch (err) {
      strapi.log.error(`payments: refund ${outRefundNo} could not be sent: ${(err as Error).message}`);
      await strapi.db.query(REFUND_UID).updateMany({ where: { id: refund.id, refundStatus: 'pending' }, data: { raw: { error: (err as Error).message } } });
      // The channel may have taken it before the answer was lost: ask it (with backoff) as well.
      if (reached) await this.followUpIfOpen(refund.id);
      // The refund sweeper's job retries with backoff; a request path keeps the refund pending.
      if (options.rethrow) throw err;
    }
  },

  async followUpIfOpen(refundId: number) {
    try {
      await getService(strapi, 'refund-follow-up').schedule(refundId, 0);
    } catch (err) {
      strapi.log.warn(`payments: could not schedule the follow-up query of refund ${refundId}: ${(err as Error).message}`);
    }
  },

  /**
   * The one place a channel's word on a refund — a verified notification or a query answer —
   * changes the refund (domain/refund-outcome.ts). Returns what it did; `send` means the channel
   * has no such refund and the caller may send it.
   */
  async applyChannelAnswer(refundId: number, state: ChannelRefundState, facts: { refundId?: string; amount?: number; raw: unknown }): Promise<RefundAction | 'mismatch'> {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    if (!refund) return 'none';
    const action = refundAction(refund.refundStatus as RefundStatus, state);
    if (action === 'complete' && facts.amount !== undefined && facts.amount !== refund.amount) {
      // The channel reports another amount than we asked: nothing is booked on it.
      await this.review(refund, { mismatch: 'amount', detail: `channel refund ${facts.amount} fen, ours ${refund.amount} fen`, status: state, raw: facts.raw });
      return 'mismatch';
    }
    if (action === 'complete') await this.complete(refund.id, facts.refundId ?? refund.channelRefundId ?? refund.outRefundNo, facts.raw);
    else if (action === 'fail') await this.fail(refund.id, facts.raw);
    else if (action === 'abnormal') await this.markAbnormal(refund.id, facts.refundId, facts.raw);
    else if (action === 'wait' && refund.refundStatus === 'pending') {
      await strapi.db.query(REFUND_UID).updateMany({
        where: { id: refund.id, refundStatus: 'pending' },
        data: { refundStatus: 'processing', channelRefundId: facts.refundId ?? refund.channelRefundId ?? null },
      });
    }
    return action;
  },

  /** Keeps what the channel said with the refund, for finance, without changing its status. */
  async review(refund: { id: number; raw?: any }, entry: { mismatch: string; detail: string; status: string; raw: unknown }) {
    strapi.log.error(`payments: refund ${refund.id} for review (${entry.mismatch} mismatch): ${entry.detail}`);
    await strapi.db.query(REFUND_UID).update({
      where: { id: refund.id },
      data: {
        raw: {
          ...(refund.raw ?? {}),
          reviews: [...(refund.raw?.reviews ?? []), { mismatch: entry.mismatch, detail: entry.detail, status: entry.status, at: clock.now().toISOString(), notification: entry.raw }],
        } as object,
      },
    });
  },

  /** WeChat ABNORMAL: the refund waits for an operator in 支付流水; it is not retried. */
  async markAbnormal(refundId: number, channelRefundId: string | undefined, raw: unknown) {
    const { count } = await strapi.db.query(REFUND_UID).updateMany({
      where: { id: refundId, refundStatus: { $in: ['pending', 'processing'] } },
      data: { refundStatus: 'abnormal', ...(channelRefundId ? { channelRefundId } : {}), raw: raw as object },
    });
    if (count === 1) strapi.log.warn(`payments: refund ${refundId} is abnormal at the channel: an operator must apply it to a bank card or record an offline transfer`);
  },

  /** Marks a refund done: ledger, payment totals and the order, once. */
  async complete(refundId: number, channelRefundId: string, raw: unknown) {
    let done: any;
    await strapi.db.transaction(async ({ trx }) => {
      const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
      const { count } = await strapi.db.query(REFUND_UID).updateMany({
        where: { id: refundId, refundStatus: { $in: ['pending', 'processing', 'abnormal'] } },
        data: { refundStatus: 'success', channelRefundId, completedAt: clock.now(), raw: raw as object },
      });
      if (count !== 1) return;
      // Two refunds of one payment can complete at once (two notifications): serialise the totals.
      await lockRow(strapi.db.connection, trx, 'payments', refund.paymentRef);
      const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
      const refundedAmount = payment.refundedAmount + refund.amount;
      await strapi.db.query(PAYMENT_UID).update({
        where: { id: payment.id },
        data: { refundedAmount, paymentStatus: statusAfterRefund(payment.amount, refundedAmount) },
      });
      await ledger(strapi).post(refundPaid(refund.outRefundNo, payment.channel, payment.memberId, refund.amount, `退款 ${refund.outRefundNo}：${refund.reason}`), {
        city: payment.city,
      });
      if (refund.orderRef) {
        const order = await strapi.db.query('plugin::orders.order').findOne({ where: { id: refund.orderRef }, select: ['documentId'] });
        await ordersPort(strapi).recordRefund(order.documentId, refund.amount, refund.outRefundNo);
      }
      done = { memberId: payment.memberId, amount: refund.amount, outRefundNo: refund.outRefundNo };
    });
    if (done) {
      try {
        await strapi.service('api::notify.notifier').send(done.memberId, 'refund_success', { amount: fenToYuan(done.amount), orderNo: done.outRefundNo });
      } catch (err) {
        strapi.log.warn(`payments: refund notice failed: ${(err as Error).message}`);
      }
    }
  },

  async fail(refundId: number, raw: unknown) {
    await strapi.db.query(REFUND_UID).updateMany({ where: { id: refundId, refundStatus: { $in: ['pending', 'processing'] } }, data: { refundStatus: 'failed', raw: raw as object } });
  },

  /** A refund notification from a channel. */
  async applyNotification(channel: Channel, note: VerifiedNotification): Promise<'applied' | 'unknown' | 'mismatch'> {
    const refund = await strapi.db.query(REFUND_UID).findOne({
      where: { outRefundNo: note.outRefundNo ?? '' },
      populate: { payment: { select: ['paymentStatus', 'channel', 'outTradeNo', 'transactionId', 'amount'] } },
    });
    const facts = { outTradeNo: note.outTradeNo, transactionId: note.transactionId, refundAmount: note.refundAmount, currency: note.currency };
    if (!refund || refund.payment?.channel !== channel) {
      // Not ours (a refund made in the merchant portal, another system's number): kept in the
      // error log, with what the channel said, for finance to reconcile by hand.
      // Not ours (a refund made in the merchant portal, another system's number): kept, with what
      // the channel said, for finance to reconcile by hand (渠道通知待核查).
      strapi.log.error(`payments: refund notification for review (unknown refund): ${JSON.stringify({ channel, outRefundNo: note.outRefundNo ?? null, status: note.status, ...facts })}`);
      await strapi.db.query(CHANNEL_NOTICE_UID).create({
        data: {
          channel,
          kind: 'refund',
          outTradeNo: note.outTradeNo || null,
          outRefundNo: note.outRefundNo ?? null,
          channelStatus: note.status,
          amount: note.refundAmount ?? null,
          reviewReason: refund ? `退款单号属于其他渠道（${refund.payment?.channel ?? '未知'}）` : '没有对应的退款记录',
          reviewStatus: 'open',
          raw: note.raw as object,
        },
      });
      return 'unknown';
    }
    const check = checkRefundNotice(channel, { amount: refund.amount, payment: refund.payment }, facts);
    if (!check.ok) {
      // Signed, but not the refund we asked for: nothing is booked on it; the refund keeps its
      // status (the follow-up query settles it) and carries the notification for review.
      await this.review(refund, { mismatch: check.mismatch, detail: `${refund.outRefundNo}: ${check.detail}`, status: note.status, raw: note.raw });
      return 'mismatch';
    }
    const state = NOTICE_REFUND_STATE[note.status];
    if (!state) return 'applied';
    if (state === 'success') {
      const paymentSettled = ['paid', 'partially_refunded', 'refunded'].includes(refund.payment.paymentStatus);
      if (!paymentSettled) {
        // Refund news before the payment's own notification: remember it; settled once paid.
        await strapi.db.query(REFUND_UID).updateMany({
          where: { id: refund.id, refundStatus: { $in: ['pending', 'processing'] } },
          data: { refundStatus: 'processing', raw: { early: note.raw, refundId: note.refundId } },
        });
        return 'applied';
      }
    }
    // The notification carries the refund amount already checked above (Alipay's is cumulative).
    await this.applyChannelAnswer(refund.id, state, { refundId: note.refundId, raw: note.raw });
    return 'applied';
  },

  /**
   * 支付流水, on an abnormal WeChat refund: asks WeChat to pay it to a bank card instead
   * (USER_BANK_CARD: the member's card on file at WeChat; MERCHANT_BANK_CARD: the merchant's own,
   * for a hand-over offline). WeChat answers processing; the follow-up query (or the notification)
   * settles it as any other refund.
   */
  async applyAbnormalToBankCard(refundId: number, type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD', operatorId: number) {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    if (!refund) throw notFound('退款记录不存在');
    if (refund.refundStatus !== 'abnormal') throw new DomainError('CONFLICT', '只有「退款异常」的退款可以改退银行卡', { status: refund.refundStatus });
    const payment = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: refund.paymentRef } });
    const provider = getService(strapi, 'channels').provider(payment.channel as Channel);
    if (payment.channel !== 'wechat' || !provider.applyAbnormalRefund || !refund.channelRefundId) {
      throw new DomainError('CONFLICT', '只有微信支付的异常退款可以改退银行卡，请登记线下转账', { channel: payment.channel });
    }
    let answer: Awaited<ReturnType<NonNullable<typeof provider.applyAbnormalRefund>>>;
    try {
      answer = await provider.applyAbnormalRefund({ refundId: refund.channelRefundId, outRefundNo: refund.outRefundNo, type });
    } catch (err) {
      // WeChat's own text (codes, merchant details) is for our log, not for the operator's screen.
      strapi.log.error(`payments: apply-abnormal-refund on ${refund.outRefundNo} failed: ${(err as Error).message}`);
      throw new DomainError('UPSTREAM_UNAVAILABLE', '微信支付暂未受理改退银行卡，请稍后重试或登记线下转账', { channel: 'wechat' });
    }
    const audit = { action: 'apply_abnormal_refund', type, operatorId, at: clock.now().toISOString(), answer: answer.raw };
    if (answer.status === 'success') {
      await this.complete(refund.id, answer.refundId ?? refund.channelRefundId, { ...(refund.raw ?? {}), operatorActions: [...(refund.raw?.operatorActions ?? []), audit] });
    } else if (answer.status === 'processing') {
      await strapi.db.query(REFUND_UID).updateMany({
        where: { id: refund.id, refundStatus: 'abnormal' },
        data: { refundStatus: 'processing', raw: { ...(refund.raw ?? {}), operatorActions: [...(refund.raw?.operatorActions ?? []), audit] } as object },
      });
      await this.followUpIfOpen(refund.id);
    } else {
      strapi.log.error(`payments: apply-abnormal-refund on ${refund.outRefundNo} answered ${answer.status}`);
      throw new DomainError('CONFLICT', '微信支付未受理改退银行卡，请登记线下转账', { answer: answer.status });
    }
    strapi.log.info(`payments: operator ${operatorId} applied abnormal refund ${refund.outRefundNo} to ${type}`);
    return this.view(refund.id);
  },

  /**
   * 支付流水, on an abnormal refund: finance paid the member outside the channel (bank transfer).
   * Recorded with who, the transfer's reference and why, and completed like a channel success —
   * ledger, payment and order in one transaction, once.
   */
  async recordOfflineTransfer(refundId: number, input: { reference: string; reason: string; operatorId: number }) {
    const refund = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    if (!refund) throw notFound('退款记录不存在');
    if (refund.refundStatus !== 'abnormal') throw new DomainError('CONFLICT', '只有「退款异常」的退款可以登记线下转账', { status: refund.refundStatus });
    const audit = { action: 'offline_transfer', reference: input.reference, reason: input.reason, operatorId: input.operatorId, at: clock.now().toISOString() };
    await this.complete(refund.id, `OFFLINE-${input.reference}`.slice(0, 64), {
      ...(refund.raw ?? {}),
      offlineTransfer: audit,
      operatorActions: [...(refund.raw?.operatorActions ?? []), audit],
    });
    const after = await strapi.db.query(REFUND_UID).findOne({ where: { id: refund.id }, select: ['refundStatus', 'raw'] });
    if (after.refundStatus !== 'success' || after.raw?.offlineTransfer?.at !== audit.at) {
      throw new DomainError('CONFLICT', '该退款状态已变化，请刷新后再试', { status: after.refundStatus });
    }
    strapi.log.info(`payments: operator ${input.operatorId} recorded offline transfer ${input.reference} for refund ${refund.outRefundNo}`);
    return this.view(refund.id);
  },

  /** Completes refunds whose success arrived before the payment was recorded as paid. */
  async settleEarlyRefunds(paymentId: number) {
    const early = await strapi.db.query(REFUND_UID).findMany({ where: { paymentRef: paymentId, refundStatus: 'processing' } });
    for (const refund of early) {
      if (refund.raw?.early) await this.complete(refund.id, refund.raw.refundId ?? refund.outRefundNo, refund.raw.early);
    }
  },

  async view(refundId: number) {
    const r = await strapi.db.query(REFUND_UID).findOne({ where: { id: refundId } });
    return { documentId: r.documentId, outRefundNo: r.outRefundNo, amount: r.amount, reason: r.reason, status: r.refundStatus, completedAt: r.completedAt ?? null };
  },
});
