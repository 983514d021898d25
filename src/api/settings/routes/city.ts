import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('cities');

export default factories.createCoreRouter('api::settings.city', { only: ['find', 'findOne'], config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } } });
