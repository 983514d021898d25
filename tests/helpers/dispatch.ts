import type { Core } from '@strapi/strapi';
import { createAdminSession, createCity } from './fixtures';
import { buildOrderWorld, pay, localAt, type OrderWorld } from './orders';

/** Homes around the member's address (31.19, 121.43): about 0.6, 2.3 and 4.5 km away; the plumber 1 km. */
export const HOMES = [
  { lat: 31.195, lng: 121.432 },
  { lat: 31.2, lng: 121.45 },
  { lat: 31.225, lng: 121.455 },
];

/** The orders world with worker homes set (through the document service, as the admin would). */
export async function buildDispatchWorld(strapi: Core.Strapi, http: any): Promise<OrderWorld> {
  const w = await buildOrderWorld(strapi, http);
  for (const [i, worker] of w.workers.entries()) {
    await strapi.documents('api::people.worker').update({ documentId: worker.workerDocumentId, data: { homeLat: HOMES[i].lat, homeLng: HOMES[i].lng } } as any);
  }
  await strapi.documents('api::people.worker').update({ documentId: w.outsider.workerDocumentId, data: { homeLat: 31.19, homeLng: 121.44 } } as any);
  return w;
}

/** Saves `dispatch.*` (and per-city/category modes) in the platform settings, effective at once. */
export async function saveDispatchSettings(strapi: Core.Strapi, dispatch: Record<string, unknown>, dispatchModes: unknown[] = []) {
  const settings = strapi.documents('api::settings.platform-setting');
  const current = await strapi.service('api::settings.platform-setting').current();
  const data = { dispatch: { ...current.dispatch, ...dispatch }, dispatchModes };
  const existing = await settings.findFirst();
  if (existing) await settings.update({ documentId: existing.documentId, data } as any);
  else await settings.create({ data } as any);
  strapi.plugin('dispatch').service('dispatch-settings').forget();
}

/** A paid order for two hours of 日常保洁, as the API answered it. */
export async function paidOrder(strapi: Core.Strapi, http: any, w: OrderWorld, scheduledAt: string, extra: Record<string, unknown> = {}) {
  const res = await http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt, paymentMode: 'full', ...extra });
  if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
  await pay(strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
  return res.body.data as { documentId: string; orderNo: string; scheduledAt: string; amounts: { total: number } };
}

/**
 * The admins the dispatch suites act as: a 城市运营 of 上海 (the world's city), one of 杭州 (created here),
 * a 客服 and a 财务 (who may look but not dispatch).
 */
export async function dispatchAdmins(strapi: Core.Strapi, http: any) {
  const hz = await createCity(strapi, '330100', '杭州', [30.2741, 120.1551]);
  const sh = await strapi.db.query('api::settings.city').findOne({ where: { adcode: '310100' } });
  await strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-sh@test.shangmen', cities: [sh.documentId] } } as any);
  await strapi.documents('api::settings.city-operator').create({ data: { adminEmail: 'ops-hz@test.shangmen', cities: [hz.documentId] } } as any);
  const session = async (email: string, role: string) => (await createAdminSession(strapi, http, email, role)).auth as Record<string, string>;
  return {
    kefu: await session('kefu@test.shangmen', '客服'),
    opsSh: await session('ops-sh@test.shangmen', '城市运营'),
    opsHz: await session('ops-hz@test.shangmen', '城市运营'),
    caiwu: await session('caiwu@test.shangmen', '财务'),
  };
}

/** Waits until `probe` returns something truthy (queue jobs run a moment after the request). */
// Generous: on a loaded 2-core CI machine a queue job can lag the request by several seconds.
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const offersOf = (strapi: Core.Strapi, orderDocumentId: string) =>
  strapi.db.query('plugin::dispatch.dispatch-offer').findMany({ where: { orderDocumentId }, orderBy: [{ id: 'asc' }] });

export const taskOf = (strapi: Core.Strapi, orderDocumentId: string) => strapi.db.query('plugin::dispatch.dispatch-task').findOne({ where: { orderDocumentId } });

export { localAt };
