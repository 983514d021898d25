import type { Core } from '@strapi/strapi';

export default async (_: { strapi: Core.Strapi }) => {};
