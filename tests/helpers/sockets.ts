import { io as connect, type Socket } from 'socket.io-client';

/**
 * socket.io clients a test file opens against its app, all closed together at the end.
 * `open` resolves once connected and rejects with the server's connect_error (its `data.code`).
 */
export function socketClients(url: () => string) {
  const opened: Socket[] = [];
  return {
    open(token: string): Promise<Socket> {
      return new Promise((resolve, reject) => {
        const socket = connect(url(), { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
        opened.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    closeAll(): void {
      for (const socket of opened.splice(0)) socket.disconnect();
    },
  };
}
