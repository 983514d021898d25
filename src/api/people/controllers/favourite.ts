import type { Core } from '@strapi/strapi';
import { validateAddFavourite, validateListFavourites, validateRemoveFavourite } from '../validation/favourite';
import { userId } from '../../../runtime/requester';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const favourites = () => strapi.service('api::people.favourite') as any;
  return {
    async list(ctx: any) {
      const { kind } = await validateListFavourites(ctx.query);
      const data = await favourites().list(userId(ctx), kind);
      ctx.body = { data, meta: { total: data.length } };
    },
    async add(ctx: any) {
      const { kind, id } = await validateAddFavourite(ctx.request.body);
      const { favourite, created } = await favourites().add(userId(ctx), kind, id);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: favourite };
    },
    async remove(ctx: any) {
      const { kind, id } = await validateRemoveFavourite(ctx.params);
      await favourites().remove(userId(ctx), kind, id);
      ctx.status = 204;
      ctx.body = null;
    },
  };
};
