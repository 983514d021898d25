import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::catalog.service-item', { only: ['find', 'findOne'] });
