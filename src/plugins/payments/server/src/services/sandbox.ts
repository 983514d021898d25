import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { clock } from '../../../../../runtime/clock';
import { DomainError, notFound } from '../../../../../runtime/errors';
import type { createSandboxProvider } from '../providers/sandbox';
import { getService, PAYMENT_UID } from '../utils';

/**
 * POST /api/payments/sandbox/:paymentId/confirm: the member "pays" a sandbox payment. The
 * confirmation is turned into a signed notification and sent through the very pipeline that
 * real channels use, so the demo exercises verification, idempotency, ledger and order flow.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async confirm(memberId: number, paymentDocumentId: string) {
    // The documentId, or the trade number the sandbox params' confirmUrl carries.
    const payment = await strapi.db.query(PAYMENT_UID).findOne({
      where: { $or: [{ documentId: paymentDocumentId }, { outTradeNo: paymentDocumentId }], memberId, channel: 'sandbox' },
    });
    if (!payment) throw notFound('支付记录不存在');
    if (payment.paymentStatus === 'closed') throw new DomainError('INVALID_TRANSITION', '该支付已关闭，请重新发起支付');
    const provider = getService(strapi, 'channels').provider('sandbox') as ReturnType<typeof createSandboxProvider>;
    const { body, headers } = provider.signedNotification({
      kind: 'payment',
      outTradeNo: payment.outTradeNo,
      transactionId: payment.transactionId ?? `SB${crypto.randomBytes(10).toString('hex').toUpperCase()}`,
      amount: payment.amount,
      status: 'paid',
      at: clock.now().toISOString(),
    });
    const outcome = await getService(strapi, 'notify-pipeline').handle('sandbox', body, headers);
    const fresh = await strapi.db.query(PAYMENT_UID).findOne({ where: { id: payment.id } });
    return { result: outcome.result, status: fresh.paymentStatus };
  },
});
