import path from 'path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { buildOrderWorld, pay, type OrderWorld } from '../helpers/orders';

const appDir = path.resolve(__dirname, '..', '..');

export interface PaidOrder {
  documentId: string;
  orderNo: string;
  scheduledAt: string;
  payment: { documentId: string; outTradeNo: string };
}

export interface SeedWorld {
  strapi: Core.Strapi;
  world: OrderWorld;
  /** supertest on the seeding instance: drive the API as members do while seeding. */
  http: ReturnType<typeof request>;
  /** A member's order for two hours of 日常保洁 (¥90.00), paid in full through the sandbox channel. */
  placePaidOrder(scheduledAt: string): Promise<PaidOrder>;
}

/**
 * Seeds the server's SQLite file before it starts (`startBuiltApp({ prepare })`), in this process
 * and with the server's own environment: a Shanghai world (city, category, item with a skill,
 * workers, a member with an address), then whatever `seed` adds to it.
 */
export async function seedWorld<T>(env: NodeJS.ProcessEnv, seed: (world: SeedWorld) => Promise<T>): Promise<T> {
  const saved = process.env;
  process.env = { ...env };
  const { createStrapi } = await import('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    strapi.server.mount();
    const http = request(strapi.server.httpServer);
    const world = await buildOrderWorld(strapi, http);
    const placePaidOrder = async (scheduledAt: string): Promise<PaidOrder> => {
      const res = await http
        .post('/api/orders')
        .set(world.member.auth)
        .send({ serviceItem: world.hourly, quantity: 2, address: world.address, scheduledAt, paymentMode: 'full' });
      if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
      const payment = await pay(strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
      const { documentId, orderNo } = res.body.data;
      return { documentId, orderNo, scheduledAt: res.body.data.scheduledAt, payment: { documentId: payment.documentId, outTradeNo: payment.outTradeNo } };
    };
    return await seed({ strapi, world, http, placePaidOrder });
  } finally {
    await strapi.destroy();
    process.env = saved;
  }
}
