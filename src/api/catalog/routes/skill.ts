import { factories } from '@strapi/strapi';
import { cachedRead } from '../../../bootstrap/read-cache';

const cached = cachedRead('skills');

export default factories.createCoreRouter('api::catalog.skill', { only: ['find', 'findOne'], config: { find: { middlewares: [cached] }, findOne: { middlewares: [cached] } } });
