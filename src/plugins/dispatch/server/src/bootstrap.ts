import type { Core } from '@strapi/strapi';
import { getService, ordersPort } from './utils';

let stopFeed: (() => Promise<void>) | undefined;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = getService(strapi, 'worker-directory');
  await directory.watch();
  // Scripts (seed) load Strapi for data only: no policy needed for their writes, no consumers.
  if (process.env.STRAPI_SCRIPT) return;
  ordersPort(strapi).setAcceptPolicy(getService(strapi, 'accept-policy').policy());
  const placed = await directory.syncGeoIndex();
  if (placed) strapi.log.info(`dispatch: ${placed} worker home(s) in the geo index`);
  const dispatcher = getService(strapi, 'dispatcher');
  stopFeed = await dispatcher.register();
  // Offers and starts that fell due while no process was running (the in-process queue forgets).
  await dispatcher.sweep().catch((err: Error) => strapi.log.error(`dispatch: boot sweep failed: ${err.message}`));
};

export async function stopDispatch(strapi: Core.Strapi): Promise<void> {
  await stopFeed?.();
  stopFeed = undefined;
  await getService(strapi, 'worker-directory').stop();
  ordersPort(strapi).setAcceptPolicy(undefined);
}
