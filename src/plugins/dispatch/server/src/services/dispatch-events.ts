import type { Core } from '@strapi/strapi';
import { emitToOps, hasRealtime, realtime } from '../../../../../bootstrap/realtime';
import { socketRooms } from '../../../../../runtime/socket';
import type { BoardAlert, DispatchUpdateEvent, OfferClosedEvent, OfferEvent } from '../../../shared/contracts/dispatch';

/**
 * Socket events of dispatch: offers to workers (`dispatch:offer`, `dispatch:offer:closed` in
 * `user:<id>`), and to the city's operators (`dispatch:alert`, `dispatch:update` in
 * `ops:city:<adcode>` and `ops:all`). Scripts run without sockets: then nothing is sent.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const safely = (what: string, send: () => void) => {
    if (!hasRealtime()) return;
    try {
      send();
    } catch (err) {
      strapi.log.warn(`dispatch: could not emit ${what}: ${(err as Error).message}`);
    }
  };

  return {
    offer(workerUserId: number | null, payload: OfferEvent): void {
      if (workerUserId) safely('dispatch:offer', () => realtime().emit(socketRooms.user(workerUserId), 'dispatch:offer', payload));
    },

    offerClosed(workerUserIds: Array<number | null>, payload: OfferClosedEvent): void {
      const rooms = workerUserIds.filter((id): id is number => Boolean(id)).map((id) => socketRooms.user(id));
      if (rooms.length) safely('dispatch:offer:closed', () => realtime().emit(rooms, 'dispatch:offer:closed', payload));
    },

    alert(city: string | null, alert: BoardAlert): void {
      safely('dispatch:alert', () => emitToOps(city, 'dispatch:alert', alert));
    },

    update(city: string | null, update: DispatchUpdateEvent): void {
      safely('dispatch:update', () => emitToOps(city, 'dispatch:update', update));
    },
  };
};
