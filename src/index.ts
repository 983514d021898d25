import type { Core } from '@strapi/strapi';
import { ensureUserRoles } from './bootstrap/users-roles';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureUserRoles(strapi);
  },
};
