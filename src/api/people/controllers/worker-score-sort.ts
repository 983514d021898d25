import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { notFound, unauthenticated, validationFailed } from '../../../runtime/errors';
import { toPublicWorker } from '../domain/worker-view';

/**
 * GET /api/workers sorted by the dispatch score for an address: `address=<documentId>` (the
 * signed-in member's own address) or `lat=&lng=&city=<adcode>`, optionally `serviceItem=` for its
 * skills. The other Strapi query parameters (filters, pagination) apply as usual; each worker also
 * carries `score` and `distanceMeters`. Ranking comes from the dispatch plugin's people port.
 */
const PARAMS = ['address', 'lat', 'lng', 'city', 'serviceItem'] as const;
const MAX_RANKED = 100;

const schema = yup
  .object({
    address: yup.string().trim().min(1).max(64),
    lat: yup.number().min(-85).max(85),
    lng: yup.number().min(-180).max(180),
    city: yup.string().matches(/^\d{6}$/),
    serviceItem: yup.string().trim().min(1).max(64),
  })
  .test('where', '请提供 address，或同时提供 lat、lng 和 city', (v) => Boolean(v?.address) || (v?.lat !== undefined && v?.lng !== undefined && Boolean(v?.city)));

export const wantsScoreSort = (query: Record<string, unknown> | undefined): boolean => PARAMS.some((p) => query?.[p] !== undefined);

interface Controller {
  validateQuery?(ctx: any): Promise<void>;
  sanitizeQuery?(ctx: any): Promise<unknown>;
}

export async function findByScore(strapi: Core.Strapi, ctx: any, controller: Controller, options: { populate: unknown; publicFilter: Record<string, unknown> }) {
  const params: Record<string, unknown> = {};
  for (const p of PARAMS) {
    if (ctx.query[p] !== undefined) params[p] = ctx.query[p];
    delete ctx.query[p];
  }
  // Query strings carry text; Strapi's yup validation is strict about types.
  for (const p of ['lat', 'lng'] as const) if (typeof params[p] === 'string') params[p] = Number(params[p]);
  let where: { address?: string; lat?: number; lng?: number; city?: string; serviceItem?: string };
  try {
    where = (await validateYupSchema(schema)(params)) as typeof where;
  } catch (err: any) {
    throw validationFailed(err?.details?.errors?.[0]?.message ?? '排序参数不正确', { field: err?.details?.errors?.[0]?.path?.[0] ?? 'address' });
  }

  let location = { lat: where.lat as number, lng: where.lng as number };
  let cityAdcode = where.city as string;
  const memberId: number | undefined = ctx.state.user?.id;
  if (where.address) {
    if (!memberId) throw unauthenticated();
    const address = await strapi.db.query('api::people.address').findOne({ where: { documentId: where.address, user: { id: memberId } }, populate: { city: { select: ['adcode'] } } });
    if (!address) throw notFound('地址不存在');
    if (address.lat == null || address.lng == null) throw validationFailed('地址缺少定位', { field: 'address' });
    location = { lat: Number(address.lat), lng: Number(address.lng) };
    cityAdcode = address.city?.adcode;
  }
  let skillIds: number[] = [];
  if (where.serviceItem) {
    const item = await strapi.db.query('api::catalog.service-item').findOne({ where: { documentId: where.serviceItem }, select: ['id'], populate: { skills: { select: ['id'] } } });
    if (!item) throw validationFailed('服务项目不存在', { field: 'serviceItem' });
    skillIds = (item.skills ?? []).map((s: { id: number }) => s.id);
  }

  const ranked = (await strapi.plugin('dispatch').service('people-port').rankForAddress({ cityAdcode, location, memberId, skillIds, limit: MAX_RANKED })) as Array<{ documentId: string; score: number; distanceMeters: number }>;
  await controller.validateQuery!(ctx);
  const query = (await controller.sanitizeQuery!(ctx)) as Record<string, any>;
  const page = Math.max(1, Number(query.pagination?.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Number(query.pagination?.pageSize ?? 25)));
  const filters = { $and: [query.filters ?? {}, options.publicFilter, { documentId: { $in: ranked.length ? ranked.map((r) => r.documentId) : ['-'] } }] };
  const { results } = await strapi.service('api::people.worker').find({ filters, populate: options.populate, pagination: { page: 1, pageSize: MAX_RANKED } });
  const rank = new Map(ranked.map((r, i) => [r.documentId, { ...r, i }]));
  const sorted = (results as any[]).filter((r) => rank.has(r.documentId)).sort((a, b) => rank.get(a.documentId)!.i - rank.get(b.documentId)!.i);
  ctx.body = {
    data: sorted.slice((page - 1) * pageSize, page * pageSize).map((row) => ({ ...toPublicWorker(row), score: rank.get(row.documentId)!.score, distanceMeters: rank.get(row.documentId)!.distanceMeters })),
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(sorted.length / pageSize), total: sorted.length } },
  };
}
