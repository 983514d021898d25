import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::marketing.gift', { only: ['find', 'findOne'] });
