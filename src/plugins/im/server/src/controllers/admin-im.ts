import type { Core } from '@strapi/strapi';
import { unauthenticated, validationFailed } from '../../../../../runtime/errors';
import type { ListConversationsResponse, ListMessagesResponse } from '../../../shared/contracts/im';
import { parseRead, parseSend } from '../domain';
import { underRules, type Asker } from '../services/im';
import { getService } from '../utils';
import { historyPage } from './conversations';

interface AdminCtx {
  state: { user?: { id?: number; email?: string; roles?: Array<{ id?: number; code: string; name: string }> } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

function asker(ctx: AdminCtx): Asker & { kind: 'admin' } {
  const user = ctx.state.user;
  if (!user?.id) throw unauthenticated();
  return { kind: 'admin', admin: { id: user.id, email: user.email, roles: user.roles } };
}

const bodyOf = (ctx: AdminCtx): Record<string, unknown> => {
  const body = ctx.request.body as any;
  return body && typeof body === 'object' && body.data && typeof body.data === 'object' && Object.keys(body).length === 1 ? body.data : (body ?? {});
};

/** The 客服 console: support conversations only; a 城市运营 gets 404 outside their cities. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // GET /im/conversations?status=open|closed
  async find(ctx: AdminCtx) {
    const status = ctx.query.status;
    if (status !== undefined && status !== 'open' && status !== 'closed') throw validationFailed('status 须为 open 或 closed', { field: 'status' });
    const body: ListConversationsResponse = { data: await getService(strapi, 'im').listSupport(asker(ctx).admin, { status }) };
    ctx.body = body;
  },

  // GET /im/conversations/:id/messages?before=&limit=
  async messages(ctx: AdminCtx) {
    const { data, hasMore } = await getService(strapi, 'im').history(ctx.params.id, asker(ctx), historyPage(ctx.query));
    const body: ListMessagesResponse = { data, meta: { hasMore, before: hasMore ? data[data.length - 1].documentId : null } };
    ctx.body = body;
  },

  // POST /im/conversations/:id/messages { type, content, clientMsgId }
  async reply(ctx: AdminCtx) {
    const input = underRules(() => parseSend({ ...bodyOf(ctx), conversation: ctx.params.id }));
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'im').send(asker(ctx), input) };
  },

  // POST /im/conversations/:id/read { upTo }
  async read(ctx: AdminCtx) {
    const input = underRules(() => parseRead({ ...bodyOf(ctx), conversation: ctx.params.id }));
    ctx.body = { data: await getService(strapi, 'im').read(asker(ctx), input) };
  },

  // POST /im/conversations/:id/close and /reopen
  async close(ctx: AdminCtx) {
    ctx.body = { data: await getService(strapi, 'im').setStatus(ctx.params.id, asker(ctx).admin, 'closed') };
  },
  async reopen(ctx: AdminCtx) {
    ctx.body = { data: await getService(strapi, 'im').setStatus(ctx.params.id, asker(ctx).admin, 'open') };
  },
});
