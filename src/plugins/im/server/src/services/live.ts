import type { Core } from '@strapi/strapi';
import { socketRooms, type SocketPrincipal, type SocketServer } from '../../../../../runtime/socket';
import { documentIdOf, parseRead, parseSend } from '../domain';
import { getService } from '../utils';
import { underRules as parse, type Asker } from './im';

/**
 * Client → server chat events. Members and workers hear their conversations through their
 * `user:<id>` room without joining; `chat:join` puts a socket (the 客服 console) into
 * `conversation:<id>` after the same access check as the REST routes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function askerOf(principal: SocketPrincipal): Promise<Asker> {
    if (principal.kind === 'user') return { kind: 'user', id: principal.id };
    // The e-mail binds a 城市运营 grant entered by address (see bootstrap/city-scope.ts).
    const admin = await strapi.db.query('admin::user').findOne({ where: { id: principal.id }, select: ['id', 'email'] });
    return { kind: 'admin', admin: { id: principal.id, email: admin?.email } };
  }

  return {
    attach(server: SocketServer): void {
      const im = () => getService(strapi, 'im');

      server.on('chat:send', async (_socket, payload, principal) => {
        const input = parse(() => parseSend(payload));
        return im().send(await askerOf(principal), input);
      });

      server.on('chat:read', async (_socket, payload, principal) => {
        const input = parse(() => parseRead(payload));
        return im().read(await askerOf(principal), input);
      });

      server.on('chat:join', async (socket, payload, principal) => {
        const id = parse(() => documentIdOf((payload as { conversation?: unknown } | null)?.conversation, 'conversation', '会话'));
        const view = await im().view(id, await askerOf(principal));
        await socket.join(socketRooms.conversation(view.documentId));
        return view;
      });

      server.on('chat:leave', async (socket, payload) => {
        const id = parse(() => documentIdOf((payload as { conversation?: unknown } | null)?.conversation, 'conversation', '会话'));
        await socket.leave(socketRooms.conversation(id));
        return { joined: false };
      });
    },
  };
};
