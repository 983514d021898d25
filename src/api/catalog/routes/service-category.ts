import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('categories');

export default factories.createCoreRouter('api::catalog.service-category', { only: ['find', 'findOne'], config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } } });
