import type { Core } from '@strapi/strapi';
import { validationFailed } from '../../../../../runtime/errors';
import type { ListConversationsResponse, ListMessagesResponse } from '../../../shared/contracts/im';
import { documentIdOf, pageSize } from '../domain';
import { underRules } from '../services/im';
import { getService } from '../utils';
import { userId, type ContentCtx as Ctx } from '../../../../../runtime/requester';
import { unwrapData } from '../../../../../runtime/validation';


export function openRequest(body: unknown): { order?: string; support?: boolean } {
  const input = unwrapData(body);
  if (!input || typeof input !== 'object') throw validationFailed('请指明订单 order 或 support: true', { field: 'order' });
  const keys = Object.keys(input);
  if (keys.some((k) => k !== 'order' && k !== 'support')) throw validationFailed('只支持 order 或 support 字段', { field: keys.find((k) => k !== 'order' && k !== 'support') });
  if (input.order !== undefined && input.support !== undefined) throw validationFailed('order 与 support 只能二选一', { field: 'support' });
  if (input.order !== undefined) {
    return { order: underRules(() => documentIdOf(input.order, 'order', '订单')) };
  }
  if (input.support === true) return { support: true };
  throw validationFailed('请指明订单 order 或 support: true', { field: 'order' });
}

export function historyPage(query: Record<string, unknown>): { before?: string; limit: number } {
  return underRules(() => ({
    before: query.before === undefined || query.before === '' ? undefined : documentIdOf(query.before, 'before', '起始消息'),
    limit: pageSize(query.limit),
  }));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // GET /api/conversations
  async find(ctx: Ctx) {
    const body: ListConversationsResponse = { data: await getService(strapi, 'im').listMine(userId(ctx)) };
    ctx.body = body;
  },

  // POST /api/conversations
  async create(ctx: Ctx) {
    const me = userId(ctx);
    const { conversation, created } = await getService(strapi, 'im').open(me, openRequest(ctx.request.body));
    ctx.status = created ? 201 : 200;
    ctx.body = { data: conversation };
  },

  // GET /api/conversations/:id/messages?before=&limit=
  async messages(ctx: Ctx) {
    const me = userId(ctx);
    const page = historyPage(ctx.query);
    const { data, hasMore } = await getService(strapi, 'im').history(ctx.params.id, { kind: 'user', id: me }, page);
    const body: ListMessagesResponse = { data, meta: { hasMore, before: hasMore ? data[data.length - 1].documentId : null } };
    ctx.body = body;
  },
});
