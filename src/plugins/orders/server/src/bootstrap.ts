import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scripts (seed) load Strapi for data only; consumers and sweeps belong to the app.
  if (process.env.STRAPI_SCRIPT) return;
  const unpaid = getService(strapi, 'unpaid-timeout');
  unpaid.register();
  // The in-process queue forgets its timers on restart: close what fell due meanwhile.
  const closed = await unpaid.sweep();
  if (closed) strapi.log.info(`orders: closed ${closed} unpaid order(s) past their deadline`);
  const confirmation = getService(strapi, 'confirmation');
  confirmation.register();
  const confirmed = await confirmation.sweep();
  if (confirmed) strapi.log.info(`orders: auto-confirmed ${confirmed} completed order(s) past their deadline`);
};
