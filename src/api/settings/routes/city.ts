import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::settings.city', { only: ['find', 'findOne'] });
