import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scripts (seed) load Strapi for data only: no consumers.
  if (process.env.STRAPI_SCRIPT) return;
  getService(strapi, 'notices').register();
  getService(strapi, 'certificate-watch').register();
};
