import type { Core } from '@strapi/strapi';
import { stopDispatch } from './bootstrap';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await stopDispatch(strapi);
};
