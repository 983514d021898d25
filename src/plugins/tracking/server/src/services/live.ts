import type { Core } from '@strapi/strapi';
import { notFound, validationFailed } from '../../../../../runtime/errors';
import { socketRooms, type SocketPrincipal, type SocketServer } from '../../../../../runtime/socket';
import type { OrderWatchRequest } from '../../../shared/contracts/tracking';
import { validatePing } from '../controllers/validation/location';
import { getService } from '../utils';
import type { Viewer } from './tracking';

const viewerOf = (principal: SocketPrincipal): Viewer =>
  principal.kind === 'user' ? { kind: 'user', id: principal.id } : { kind: 'admin', user: { id: principal.id } };

function orderOf(payload: unknown): string {
  const order = (payload as Partial<OrderWatchRequest> | null)?.order;
  if (typeof order !== 'string' || !order || order.length > 64) throw validationFailed('请指明订单', { field: 'order' });
  return order;
}

/**
 * Client → server socket events of the order's room. `order:watch` joins the room that
 * `order:status` and `tracking:location` go to (after checking the watcher may see the order) and
 * sends the latest position right away; `tracking:location` is the socket twin of
 * POST /api/tracking/location for workers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  attach(server: SocketServer): void {
    const tracking = () => getService(strapi, 'tracking');

    server.on('order:watch', async (socket, payload, principal) => {
      const order = orderOf(payload);
      const latest = await tracking().watchable(order, viewerOf(principal));
      await socket.join(socketRooms.order(order));
      if (latest) socket.emit('tracking:location', latest);
      return { watching: true };
    });

    server.on('order:unwatch', async (socket, payload) => {
      await socket.leave(socketRooms.order(orderOf(payload)));
      return { watching: false };
    });

    server.on('tracking:location', async (_socket, payload, principal) => {
      // Operators never report positions; 404 like any order that is not theirs.
      if (principal.kind !== 'user') throw notFound('订单不存在');
      return tracking().ping(principal.id, await validatePing(payload));
    });
  },
});
