import type { Core } from '@strapi/strapi';
import { winston, formats } from '@strapi/logger';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  transports: [
    new winston.transports.Console({
      level: env('STRAPI_LOG_LEVEL', 'http'),
      format: winston.format.combine(
        formats.levelFilter(env('STRAPI_LOG_LEVEL', 'http')),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' }),
      ),
    }),
  ],
});
