import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { notFound, unauthenticated } from '../../../../../runtime/errors';
import type { Channel } from '../providers/types';
import { publicPayment } from '../services/checkout';
import { getService, PAYMENT_UID } from '../utils';

const CHANNELS = ['wechat', 'alipay', 'unionpay', 'balance', 'sandbox'];

const paySchema = yup
  .object({
    channel: yup.string().oneOf(CHANNELS).required(),
    stage: yup.string().oneOf(['deposit', 'final']),
    clientType: yup.string().oneOf(['jsapi', 'app', 'h5', 'native', 'page', 'wap']),
    openid: yup.string().max(64),
    appid: yup.string().matches(/^wx[0-9a-zA-Z]{16}$/, 'appid 格式不正确'),
  })
  .noUnknown()
  .required();

const topUpSchema = yup
  .object({
    amount: yup.number().integer().min(100, '充值金额至少 1 元').max(500_000, '单次充值最多 5000 元').required(),
    channel: yup.string().oneOf(['wechat', 'alipay', 'unionpay', 'sandbox']).required(),
    clientType: yup.string().oneOf(['jsapi', 'app', 'h5', 'native', 'page', 'wap']),
    openid: yup.string().max(64),
    appid: yup.string().matches(/^wx[0-9a-zA-Z]{16}$/, 'appid 格式不正确'),
  })
  .noUnknown()
  .required();

const userId = (ctx: any): number => {
  if (!ctx.state.user?.id) throw unauthenticated();
  return ctx.state.user.id;
};

/** The exact bytes the channel sent: signatures are computed over them, never over re-serialised JSON. */
function rawBody(ctx: any): string {
  const raw = ctx.request.body?.[Symbol.for('unparsedBody')];
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  return '';
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async pay(ctx: any) {
    const body = (await validateYupSchema(paySchema)(ctx.request.body)) as { channel: Channel; stage?: 'deposit' | 'final'; clientType?: any; openid?: string; appid?: string };
    const result = await getService(strapi, 'checkout').payOrder(userId(ctx), ctx.params.id, { ...body, clientIp: ctx.request.ip });
    ctx.status = 201;
    ctx.body = { data: result };
  },

  async notify(ctx: any) {
    const channel = ctx.params.channel as Channel;
    if (!['wechat', 'alipay', 'unionpay', 'sandbox'].includes(channel) || !getService(strapi, 'channels').has(channel)) {
      return ctx.notFound('支付渠道不存在', { code: 'NOT_FOUND' });
    }
    const { reply } = await getService(strapi, 'notify-pipeline').handle(channel, rawBody(ctx), ctx.request.headers);
    ctx.status = reply.status;
    ctx.type = reply.contentType;
    ctx.body = reply.body;
  },

  async confirmSandbox(ctx: any) {
    if (!getService(strapi, 'channels').has('sandbox')) return ctx.notFound('沙箱支付未开启', { code: 'NOT_FOUND' });
    ctx.body = { data: await getService(strapi, 'sandbox').confirm(userId(ctx), ctx.params.paymentId) };
  },

  async findOne(ctx: any) {
    const row = await strapi.db.query(PAYMENT_UID).findOne({ where: { documentId: ctx.params.id, memberId: userId(ctx) } });
    if (!row) throw notFound('支付记录不存在');
    ctx.body = { data: publicPayment(row) };
  },

  async wallet(ctx: any) {
    const id = userId(ctx);
    const page = Math.max(1, Number(ctx.query?.pagination?.page ?? 1) || 1);
    const wallet = getService(strapi, 'wallet');
    const [balance, statement] = await Promise.all([wallet.balance(id), wallet.statement(id, page, 20)]);
    ctx.body = { data: { balance, entries: statement.entries }, meta: { pagination: statement.pagination } };
  },

  /** UnionPay sends the member's browser back with a POST; answer with a redirect to the order. */
  async returnTo(ctx: any) {
    const order = String(ctx.query.order ?? '');
    if (!/^[a-z0-9]{10,40}$/.test(order)) return ctx.badRequest('缺少订单', { code: 'VALIDATION_FAILED' });
    ctx.status = 303;
    ctx.redirect(getService(strapi, 'urls').orderPage(order));
  },

  async topUp(ctx: any) {
    const body = (await validateYupSchema(topUpSchema)(ctx.request.body)) as { amount: number; channel: Channel; clientType?: any; openid?: string; appid?: string };
    const { amount, ...request } = body;
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'checkout').topUp(userId(ctx), amount, { ...request, clientIp: ctx.request.ip }) };
  },

  async channels(ctx: any) {
    ctx.body = { data: getService(strapi, 'channels').available() };
  },
});
