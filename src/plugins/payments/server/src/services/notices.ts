import type { Core } from '@strapi/strapi';
import { fenToYuan } from '../../../../../runtime/money';

/**
 * Tells the member their payment went through: in-app (socket + notification record) and SMS
 * with the `order_paid` template. Failures are logged; the payment itself is already committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async paymentSucceeded(memberId: number, payment: { amount: number; outTradeNo: string }, order?: { orderNo: string; serviceName?: string }) {
    try {
      await strapi.service('api::notify.notifier').send(memberId, 'order_paid', {
        orderNo: order?.orderNo ?? payment.outTradeNo,
        serviceName: order?.serviceName ?? '',
        amount: fenToYuan(payment.amount),
      });
    } catch (err) {
      strapi.log.warn(`payments: could not notify member ${memberId} of ${payment.outTradeNo}: ${(err as Error).message}`);
    }
  },
});
