import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::people.worker', { only: ['find', 'findOne'] });
