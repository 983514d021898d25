import type { Core } from '@strapi/strapi';
import { checkPublicQuery, type ExposesPath, type PublicQueryRules } from '../runtime/public-query';

/**
 * `global::public-query`: refuses filters, sorts, populates and page sizes a public route does not
 * list (see src/runtime/public-query.ts). Configured per route with `publicQueryPolicy(uid, rules)`.
 */
const ALWAYS = new Set(['id', 'documentId']);

function exposesFor(strapi: Core.Strapi, uid: string): ExposesPath {
  return (path) => {
    let schema: any = strapi.getModel(uid as any);
    for (const part of path.split('.')) {
      if (!schema) return false;
      if (ALWAYS.has(part)) {
        schema = undefined;
        continue;
      }
      const attr = schema.attributes?.[part];
      if (!attr || attr.private || attr.type === 'password') return false;
      if (attr.type === 'relation') schema = attr.target ? strapi.getModel(attr.target) : undefined;
      else if (attr.type === 'component') schema = strapi.components[attr.component as keyof typeof strapi.components];
      else if (attr.type === 'media') schema = strapi.getModel('plugin::upload.file');
      else schema = undefined;
    }
    return true;
  };
}

export default (policyContext: any, config: { uid: string; rules: PublicQueryRules }, { strapi }: { strapi: Core.Strapi }) => {
  // The policy context copies ctx own properties only; `query` is a getter on the request.
  checkPublicQuery((policyContext.request?.query ?? policyContext.query ?? {}) as Record<string, unknown>, config.rules, exposesFor(strapi, config.uid));
  return true;
};
