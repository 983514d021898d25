import type { Core } from '@strapi/strapi';

/** users-permissions role types. Members use the stock `authenticated` role. */
export const ROLE_MEMBER = 'authenticated';
export const ROLE_WORKER = 'worker';
export const ROLE_PUBLIC = 'public';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Content API actions by role. A signed-in user is checked against its own role only, so the
 * Worker role repeats every member action. */
export const PUBLIC_ACTIONS = [
  'api::catalog.service-category.find',
  'api::catalog.service-category.findOne',
  'api::catalog.service-item.find',
  'api::catalog.service-item.findOne',
  'api::catalog.skill.find',
  'api::catalog.skill.findOne',
  'api::settings.city.find',
  'api::settings.city.findOne',
  'api::people.worker.find',
  'api::people.worker.findOne',
  'api::marketing.gift.find',
  'api::marketing.gift.findOne',
  'api::search.search.search',
];

export const MEMBER_ACTIONS = [
  ...PUBLIC_ACTIONS,
  'api::people.address.find',
  'api::people.address.findOne',
  'api::people.address.create',
  'api::people.address.update',
  'api::people.address.delete',
  'api::me.me.getProfile',
  'api::me.me.updateProfile',
  'api::me.me.getPreferences',
  'api::me.me.updatePreferences',
  'api::me.me.listCoupons',
  'api::me.me.getPoints',
  'api::me.me.redeemPoints',
  'plugin::users-permissions.user.me',
  // Uploads go through our own routes (owner recorded, types sniffed); never the stock upload actions.
  'api::media.media.upload',
  'api::media.media.findOne',
  'api::media.media.content',
  'api::notify.notification.find',
  'api::notify.notification.read',
  ...['quote', 'create', 'find', 'findOne', 'update', 'cancel'].map((a) => `plugin::orders.order.${a}`),
  ...['pay', 'wallet', 'topUp', 'confirmSandbox', 'findOne'].map((a) => `plugin::payments.payment.${a}`),
];

// --- dispatch plugin (issue 11): kept in one block so the per-role lists can absorb it as a unit.
/** Members: 智能推荐, blocking workers, and reading their own worker profile (404 until they are one). */
export const DISPATCH_MEMBER_ACTIONS = [
  'plugin::dispatch.matching.recommend',
  'plugin::dispatch.matching.blocks',
  'plugin::dispatch.matching.block',
  'plugin::dispatch.matching.unblock',
  'plugin::dispatch.me-worker.find',
];
/** Workers: their profile and schedule, their offers and the grab pool, rejecting an offer. */
export const DISPATCH_WORKER_ACTIONS = [
  ...DISPATCH_MEMBER_ACTIONS,
  'plugin::dispatch.me-worker.update',
  'plugin::dispatch.me-worker.findSchedule',
  'plugin::dispatch.me-worker.updateSchedule',
  'plugin::dispatch.matching.offers',
  'plugin::dispatch.matching.reject',
];
// --- end dispatch

export const WORKER_ACTIONS = [
  ...MEMBER_ACTIONS,
  ...['accept', 'depart', 'arrive', 'start', 'pause', 'resume', 'complete', 'release'].map((a) => `plugin::orders.order.${a}`),
];

/** Stock upload actions (upload also replaces and edits any file with `?id=`, find lists them
 * all): taken back from every users-permissions role on each boot, since grant() only adds. */
export const REVOKED_UPLOAD_ACTIONS = ['upload', 'find', 'findOne', 'findPage', 'destroy'].map((a) => `plugin::upload.content-api.${a}`);

async function ensureRole(strapi: Core.Strapi, type: string, name: string, description: string) {
  const existing = await strapi.db.query(ROLE_UID).findOne({ where: { type } });
  // users-permissions creates public/authenticated with English text; operators read Chinese.
  if (existing?.description?.startsWith('Default role given to')) {
    return strapi.db.query(ROLE_UID).update({ where: { id: existing.id }, data: { description } });
  }
  if (existing) return existing;
  return strapi.db.query(ROLE_UID).create({ data: { type, name, description } });
}

async function grant(strapi: Core.Strapi, roleId: number, actions: readonly string[]) {
  const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: roleId }, select: ['action'] });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  for (const action of actions) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: roleId } });
  }
}

/** Idempotent: creates the Worker role and grants every role its actions on each boot. */
export async function ensureUserRoles(strapi: Core.Strapi): Promise<void> {
  const publicRole = await ensureRole(strapi, ROLE_PUBLIC, 'Public', '游客：浏览服务、师傅与礼品');
  const memberRole = await ensureRole(strapi, ROLE_MEMBER, 'Authenticated', '会员：浏览、下单、支付、评价');
  const workerRole = await ensureRole(strapi, ROLE_WORKER, 'Worker', '师傅：审核通过后获得，接单与服务');
  await grant(strapi, publicRole.id, PUBLIC_ACTIONS);
  await grant(strapi, memberRole.id, MEMBER_ACTIONS);
  await grant(strapi, workerRole.id, WORKER_ACTIONS);
  await grant(strapi, memberRole.id, DISPATCH_MEMBER_ACTIONS);
  await grant(strapi, workerRole.id, DISPATCH_WORKER_ACTIONS);
  await strapi.db.query(PERMISSION_UID).deleteMany({
    where: { action: { $in: REVOKED_UPLOAD_ACTIONS }, role: { id: { $in: [publicRole.id, memberRole.id, workerRole.id] } } },
  });
}

export async function findRoleId(strapi: Core.Strapi, type: string): Promise<number> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] });
  if (!role) throw new Error(`users-permissions role "${type}" is missing`);
  return role.id;
}
