import type { Core } from '@strapi/strapi';
import { validateCreateAddress, validateUpdateAddress } from '../validation/address';
import { userId } from '../../../runtime/requester';

const service = (strapi: Core.Strapi) => strapi.service('api::people.address');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const data = await service(strapi).listMine(userId(ctx));
    ctx.body = { data, meta: { total: data.length } };
  },
  async findOne(ctx: any) {
    ctx.body = { data: await service(strapi).getMine(userId(ctx), ctx.params.id) };
  },
  async create(ctx: any) {
    const input = await validateCreateAddress(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await service(strapi).createMine(userId(ctx), input) };
  },
  async update(ctx: any) {
    const input = await validateUpdateAddress(ctx.request.body);
    ctx.body = { data: await service(strapi).updateMine(userId(ctx), ctx.params.id, input) };
  },
  async delete(ctx: any) {
    await service(strapi).deleteMine(userId(ctx), ctx.params.id);
    ctx.status = 204;
  },
});
