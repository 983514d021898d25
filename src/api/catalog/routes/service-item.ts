import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('items');

export default factories.createCoreRouter('api::catalog.service-item', { only: ['find', 'findOne'], config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } } });
