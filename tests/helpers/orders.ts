import type { Core } from '@strapi/strapi';
import { fromZonedTime, zonedParts } from '../../src/runtime/clock';
import { createCategory, createCity, createItem, createMember, createSkill, createWorkerUser, type TestUser } from './fixtures';

/** `days` days from today at hh:mm Shanghai time, as ISO with offset. */
export function localAt(days: number, hour: number, minute = 0): string {
  const today = zonedParts(new Date(Date.now() + days * 86_400_000), 'Asia/Shanghai');
  const at = fromZonedTime({ year: today.year, month: today.month, day: today.day, hour, minute }, 'Asia/Shanghai');
  return at.toISOString();
}

export interface OrderWorld {
  member: TestUser;
  other: TestUser;
  address: string;
  otherAddress: string;
  hourly: string;
  deposit: string;
  workers: Array<TestUser & { workerDocumentId: string; workerId: number }>;
  outsider: TestUser & { workerDocumentId: string; workerId: number };
}

// Worker phones are unique (a unique index): a per-process counter, never random digits.
let workerPhoneSeq = 0;
const nextWorkerPhone = () => `1390000${String(++workerPhoneSeq).padStart(4, '0')}`;

/** A small Shanghai world: two cleaning items (hourly, deposit), three cleaners, one plumber. */
export async function buildOrderWorld(strapi: Core.Strapi, http: any): Promise<OrderWorld> {
  const sh = await createCity(strapi);
  const cleaning = await createCategory(strapi, 'home-cleaning', '家庭清洁');
  const nanny = await createCategory(strapi, 'maternity-nanny', '月嫂保姆');
  const housekeeping = await createSkill(strapi, 'housekeeping', '保洁');
  const plumbing = await createSkill(strapi, 'plumbing', '管道疏通');
  const hourly = await createItem(strapi, cleaning.documentId, 'daily-cleaning', '日常保洁', {
    unit: 'hour', price: 4500, minQuantity: 2, maxQuantity: 8, durationMinutes: 120, skills: [housekeeping.documentId],
  });
  const deposit = await createItem(strapi, nanny.documentId, 'day-nanny', '白班保姆', {
    unit: 'time', price: 30000, depositPercent: 30, durationMinutes: 240, skills: [housekeeping.documentId],
  });

  const makeWorker = async (realName: string, gender: 'male' | 'female', skill: string) => {
    const user = await createWorkerUser(strapi, { phone: nextWorkerPhone() });
    const worker = await strapi.documents('api::people.worker').create({
      data: { realName, gender, user: user.id, city: sh.documentId, auditStatus: 'approved', employment: 'active', skills: [{ skill, level: 3 }] },
    } as any);
    const row = await strapi.db.query('api::people.worker').findOne({ where: { documentId: worker.documentId }, select: ['id'] });
    return { ...user, workerDocumentId: worker.documentId, workerId: row.id };
  };
  const workers = [
    await makeWorker('王秀英', 'female', housekeeping.documentId),
    await makeWorker('李春花', 'female', housekeeping.documentId),
    await makeWorker('张建国', 'male', housekeeping.documentId),
  ];
  const outsider = await makeWorker('赵师傅', 'male', plumbing.documentId);

  const member = await createMember(strapi, { phone: '13811110000' });
  const other = await createMember(strapi);
  const addressBody = { data: { contact: '陈女士', phone: '13811110000', city: '310100', district: '徐汇区', detail: '漕溪北路 1 号', lat: 31.19, lng: 121.43 } };
  const address = (await http.post('/api/addresses').set(member.auth).send(addressBody).expect(201)).body.data.documentId;
  const otherAddress = (await http.post('/api/addresses').set(other.auth).send(addressBody).expect(201)).body.data.documentId;
  return { member, other, address, otherAddress, hourly: hourly.documentId, deposit: deposit.documentId, workers, outsider };
}

/**
 * Pays what the order asks for right now through the sandbox channel (the same notify pipeline
 * as real channels), checking it is `amount` in `stage`.
 */
/** A full-payment order for two hours of the hourly item, as the member places it: the API's answer. */
export async function placeOrder(http: any, w: OrderWorld, day: number, hour = 9) {
  const res = await http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(day, hour), paymentMode: 'full' })
    .expect(201);
  return res.body.data;
}

export async function pay(strapi: Core.Strapi, orderDocumentId: string, stage: 'full' | 'deposit' | 'final', amount: number) {
  const order = await strapi.db.query('plugin::orders.order').findOne({ where: { documentId: orderDocumentId }, select: ['memberId'] });
  const payments = strapi.plugin('payments');
  const { payment } = await payments.service('checkout').payOrder(order.memberId, orderDocumentId, { channel: 'sandbox' });
  if (payment.stage !== stage || payment.amount !== amount) {
    throw new Error(`order asks for ${payment.stage} ${payment.amount}, test expected ${stage} ${amount}`);
  }
  const confirmed = await payments.service('sandbox').confirm(order.memberId, payment.documentId);
  if (confirmed.status !== 'paid') throw new Error(`sandbox payment ended ${confirmed.status}`);
  return payment;
}

/** The orders side of the payment seam alone, as the payments plugin calls it. */
export async function recordPayment(strapi: Core.Strapi, orderDocumentId: string, stage: 'full' | 'deposit' | 'final', amount: number) {
  return strapi.plugin('orders').service('payments-port').recordPayment(orderDocumentId, { stage, amount, reference: `test-${stage}` });
}

/**
 * Runs `fn` with the server clock an hour before the order's start when that is still ahead, so a
 * worker may depart (departure opens booking.departLeadMinutes before the start).
 */
export async function inDepartWindow<T>(strapi: Core.Strapi, orderDocumentId: string, fn: () => Promise<T>): Promise<T> {
  const row = await strapi.db.query('plugin::orders.order').findOne({ where: { documentId: orderDocumentId }, select: ['scheduledAt'] });
  const at = new Date(row.scheduledAt).getTime() - 3_600_000;
  if (Date.now() >= at) return fn();
  const { clock, fixedClock } = require(`${strapi.dirs.dist.src}/runtime/clock`);
  clock.use(fixedClock(new Date(at)));
  try {
    return await fn();
  } finally {
    clock.reset();
  }
}
