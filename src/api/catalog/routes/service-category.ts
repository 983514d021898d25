import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::catalog.service-category', { only: ['find', 'findOne'] });
