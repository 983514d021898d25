import type { Core } from '@strapi/strapi';
import { hasRealtime, realtime } from '../../../bootstrap/realtime';
import { renderTemplate } from '../../../runtime/sms';
import { socketRooms } from '../../../runtime/socket';
import { isUniqueViolation } from '../../../runtime/unique-violation';

export interface SendOptions {
  /**
   * Sends the notice at most once per key, also when a job retries or two instances run it: the
   * in-app record holds the key under a unique index, and a second send of the key does nothing
   * (no SMS either). The key lives on the in-app record: a code without an active in-app template
   * is still sent, with a warning that nothing stops a repeat (a decision announced twice beats one
   * never announced).
   */
  dedupeKey?: string;
}

/**
 * Sends a templated notice to a user on every channel that has an active template for the code
 * (平台参数 → 消息模板): in-app (stored + pushed as the socket event `notification`) and SMS.
 * One channel failing does not stop the others; the failure is logged and reported back.
 * `options.dedupeKey` makes a notice once-only (see SendOptions).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(userId: number, code: string, vars: Record<string, string | number>, data: Record<string, unknown> = {}, options: SendOptions = {}) {
    const templates = await strapi.db.query('api::settings.message-template').findMany({ where: { code, active: true } });
    const text = (channel: string) => templates.find((t: any) => t.channel === channel);
    const result: { inApp?: number; sms?: string; duplicate?: boolean; errors: string[] } = { errors: [] };
    const stringVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)]));
    const dedupeKey = options.dedupeKey ?? null;
    if (dedupeKey && (await strapi.db.query('api::notify.notification').findOne({ where: { dedupeKey }, select: ['id'] }))) {
      return { ...result, duplicate: true };
    }

    const inApp = text('in_app');
    if (dedupeKey && !inApp) strapi.log.warn(`notify: ${code} has no active in-app template, so key ${dedupeKey} cannot stop a repeat`);
    if (inApp) {
      let row: any;
      try {
        row = await strapi.db.query('api::notify.notification').create({
          data: { user: userId, userRef: userId, code, title: inApp.name, body: renderTemplate(inApp.content, stringVars), data, dedupeKey },
        });
      } catch (err) {
        if (dedupeKey && isUniqueViolation(err)) return { ...result, duplicate: true };
        throw err;
      }
      result.inApp = row.id;
      if (hasRealtime()) {
        realtime().emit(socketRooms.user(userId), 'notification', { id: row.documentId, code, title: row.title, body: row.body, data, at: row.createdAt });
      }
    }

    const sms = text('sms');
    if (sms) {
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['phone'] });
      if (user?.phone) {
        try {
          const provider = strapi.plugin('users-permissions').service('member-auth').smsProvider();
          const sent = await provider.send({
            phone: user.phone,
            templateCode: code,
            text: renderTemplate(sms.content, stringVars),
            vars: stringVars,
            providerTemplateId: sms.providerTemplateId ?? undefined,
            signName: sms.signName ?? undefined,
          });
          result.sms = sent.messageId;
        } catch (err) {
          result.errors.push(`sms: ${(err as Error).message}`);
          strapi.log.warn(`notify: SMS ${code} to user ${userId} failed: ${(err as Error).message}`);
        }
      }
    }
    return result;
  },

  async list(userId: number, page: number, pageSize: number) {
    const where = { userRef: userId };
    const [rows, total, unread] = await Promise.all([
      strapi.db.query('api::notify.notification').findMany({
        where,
        orderBy: { id: 'desc' },
        offset: (page - 1) * pageSize,
        limit: pageSize,
        select: ['documentId', 'code', 'title', 'body', 'data', 'readAt', 'createdAt'],
      }),
      strapi.db.query('api::notify.notification').count({ where }),
      strapi.db.query('api::notify.notification').count({ where: { ...where, readAt: null } }),
    ]);
    return { rows, unread, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
  },

  async markRead(userId: number, documentIds: string[] | 'all') {
    const where = documentIds === 'all' ? { userRef: userId, readAt: null } : { userRef: userId, readAt: null, documentId: { $in: documentIds } };
    const { count } = await strapi.db.query('api::notify.notification').updateMany({ where, data: { readAt: new Date() } });
    return count;
  },
});
