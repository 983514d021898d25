import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::catalog.skill', { only: ['find', 'findOne'] });
