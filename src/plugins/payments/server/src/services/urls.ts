import type { Core } from '@strapi/strapi';

/** Public URLs channels call back and send members back to (PUBLIC_URL, else the server URL). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => (process.env.PUBLIC_URL || strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port', 1337)}`).replace(/\/$/, '');
  return {
    notifyUrl: (channel: string) => `${base()}/api/payments/notify/${channel}`,
    /** Where the member lands after paying; UnionPay POSTs there, so it goes through our redirect. */
    returnUrl: (orderDocumentId: string, channel?: string) =>
      channel === 'unionpay' ? `${base()}/api/payments/return/unionpay?order=${orderDocumentId}` : `${base()}/h5/#/orders/${orderDocumentId}`,
    orderPage: (orderDocumentId: string) => `${base()}/h5/#/orders/${orderDocumentId}`,
    walletPage: () => `${base()}/h5/#/me/wallet`,
  };
};
