import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('gifts');

export default factories.createCoreRouter('api::marketing.gift', { only: ['find', 'findOne'], config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } } });
