import type { Core } from '@strapi/strapi';

/** users-permissions role types. Members use the stock `authenticated` role. */
export const ROLE_MEMBER = 'authenticated';
export const ROLE_WORKER = 'worker';
export const ROLE_PUBLIC = 'public';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Content API actions by role, exactly: boot removes whatever else a role was granted (stock
 * defaults such as forgot-password, or a click in the admin). A signed-in user is checked against
 * its own role only, so the Worker role repeats every member action. Files are uploaded only
 * through our own routes, never the stock `plugin::upload.*` actions. */
export const PUBLIC_ACTIONS = [
  // POST /api/auth/local (password sign-in; its handler is `auth.callback`) and
  // /api/auth/local/register stay: the fixed API contract lists them (docs/API.md, Auth).
  'plugin::users-permissions.auth.callback',
  'plugin::users-permissions.auth.register',
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
  'api::marketing.coupon-centre.claimable',
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
  'api::marketing.coupon-centre.claim',
  'api::people.favourite.list',
  'api::people.favourite.add',
  'api::people.favourite.remove',
  'plugin::users-permissions.user.me',
  // Changing a password needs the current one; SMS and WeChat accounts never learn theirs.
  'plugin::users-permissions.auth.changePassword',
  // Refresh mode (config/plugins.ts): sign this device out. /auth/refresh needs no grant (its
  // refresh token is the credential, route `auth: false`).
  'plugin::users-permissions.auth.logout',
  // Uploads go through our own routes (owner recorded, types sniffed); never the stock upload actions.
  'api::media.media.upload',
  'api::media.media.findOne',
  'api::media.media.content',
  'api::notify.notification.find',
  'api::notify.notification.read',
  ...['quote', 'create', 'find', 'findOne', 'update', 'cancel', 'confirm'].map((a) => `plugin::orders.order.${a}`),
  ...['pay', 'wallet', 'topUp', 'confirmSandbox', 'findOne'].map((a) => `plugin::payments.payment.${a}`),
  // Reviewing one's own completed order (issue 15).
  'api::feedback.review.create',
  // 投诉建议: own tickets only (issue 15).
  ...['create', 'find', 'findOne', 'reply', 'close'].map((a) => `api::feedback.ticket.${a}`),
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

// --- tracking plugin (issue 14): members read where their worker is; workers report and read.
export const TRACKING_MEMBER_ACTIONS = ['plugin::tracking.location.findOne'];
export const TRACKING_WORKER_ACTIONS = [...TRACKING_MEMBER_ACTIONS, 'plugin::tracking.location.ping'];
// --- end tracking

// --- im plugin (issue 14): order chat and 客服 conversations, the same for members and workers.
export const IM_USER_ACTIONS = ['find', 'create', 'messages'].map((a) => `plugin::im.conversations.${a}`);
// --- end im

/** Any signed-in member may apply to become a worker (a worker applying again gets 409). */
export const WORKFORCE_MEMBER_ACTIONS = ['plugin::workforce.application.apply'];

export const WORKER_ACTIONS = [
  ...MEMBER_ACTIONS,
  ...['accept', 'depart', 'arrive', 'start', 'pause', 'resume', 'complete', 'release', 'evidence'].map((a) => `plugin::orders.order.${a}`),
  // 我的收入: workers only (a member gets 403).
  'plugin::settlement.earnings.find',
  'plugin::settlement.settlements.mine',
  // Answering a review of one's own order (issue 15).
  'api::feedback.review.reply',
];

async function ensureRole(strapi: Core.Strapi, type: string, name: string, description: string) {
  const existing = await strapi.db.query(ROLE_UID).findOne({ where: { type } });
  // users-permissions creates public/authenticated with English text; operators read Chinese.
  if (existing?.description?.startsWith('Default role given to')) {
    return strapi.db.query(ROLE_UID).update({ where: { id: existing.id }, data: { description } });
  }
  if (existing) return existing;
  return strapi.db.query(ROLE_UID).create({ data: { type, name, description } });
}

/** Makes the role's actions exactly `actions`: adds what is missing, deletes everything else. */
async function reconcile(strapi: Core.Strapi, role: { id: number; type: string }, actions: readonly string[]) {
  const wanted = new Set(actions);
  const existing = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] })) as Array<{ id: number; action: string }>;
  const have = new Set<string>();
  const extra: Array<{ id: number; action: string }> = [];
  for (const p of existing) {
    if (wanted.has(p.action) && !have.has(p.action)) have.add(p.action);
    else extra.push(p);
  }
  if (extra.length) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    const names = [...new Set(extra.map((p) => p.action))].filter((a) => !wanted.has(a));
    if (names.length) strapi.log.info(`users-permissions role "${role.type}": removed ${names.join(', ')}`);
  }
  for (const action of wanted) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
}

/** The exact action list of each role type we manage. */
export function actionsByRole(): Record<string, readonly string[]> {
  return {
    [ROLE_PUBLIC]: PUBLIC_ACTIONS,
    [ROLE_MEMBER]: [...MEMBER_ACTIONS, ...DISPATCH_MEMBER_ACTIONS, ...TRACKING_MEMBER_ACTIONS, ...IM_USER_ACTIONS, ...WORKFORCE_MEMBER_ACTIONS],
    [ROLE_WORKER]: [...WORKER_ACTIONS, ...DISPATCH_WORKER_ACTIONS, ...TRACKING_WORKER_ACTIONS, ...IM_USER_ACTIONS, ...WORKFORCE_MEMBER_ACTIONS],
  };
}

/** Idempotent: creates the Worker role and reconciles every role to its exact actions on each boot. */
export async function ensureUserRoles(strapi: Core.Strapi): Promise<void> {
  await ensureRole(strapi, ROLE_PUBLIC, 'Public', '游客：浏览服务、师傅与礼品');
  await ensureRole(strapi, ROLE_MEMBER, 'Authenticated', '会员：浏览、下单、支付、评价');
  await ensureRole(strapi, ROLE_WORKER, 'Worker', '师傅：审核通过后获得，接单与服务');
  const byRole = actionsByRole();
  const roles = (await strapi.db.query(ROLE_UID).findMany({ select: ['id', 'type'] })) as Array<{ id: number; type: string }>;
  for (const role of roles) {
    // A role created by hand in the admin has no list here: it gets no actions until it has one.
    if (!byRole[role.type]) strapi.log.warn(`users-permissions role "${role.type}" is not managed by src/bootstrap/users-roles.ts; its actions are removed`);
    await reconcile(strapi, role, byRole[role.type] ?? []);
  }
}

export async function findRoleId(strapi: Core.Strapi, type: string): Promise<number> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] });
  if (!role) throw new Error(`users-permissions role "${type}" is missing`);
  return role.id;
}
