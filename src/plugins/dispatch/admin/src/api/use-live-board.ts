import * as React from 'react';
import { useAuth } from '@strapi/strapi/admin';
import { io } from 'socket.io-client';

/**
 * Calls `onChange` when the server tells this operator's ops rooms that dispatch moved
 * (`dispatch:update`, `dispatch:alert`, `order:status`); reports whether the socket is up.
 */
export function useLiveBoard(onChange: () => void): boolean {
  const token = useAuth('DispatchBoard', (state) => state.token);
  const [live, setLive] = React.useState(false);
  const handler = React.useRef(onChange);
  handler.current = onChange;

  React.useEffect(() => {
    if (!token) return undefined;
    const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL || window.location.origin;
    const socket = io(backend, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
    const changed = () => handler.current();
    socket.on('connect', () => setLive(true));
    socket.on('disconnect', () => setLive(false));
    socket.on('dispatch:update', changed);
    socket.on('dispatch:alert', changed);
    socket.on('order:status', changed);
    return () => {
      socket.close();
    };
  }, [token]);

  return live;
}
