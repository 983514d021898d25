import type { OrderStatusValue } from './orders-dispatch';

/**
 * What the orders plugin offers the im plugin (server: services/im-port.ts): who an order's chat
 * is between. IM never reads the orders tables.
 */
export interface ChatOrder {
  documentId: string;
  status: OrderStatusValue;
  /** users-permissions user ids: the member who placed it and, once assigned, its worker. */
  memberId: number;
  workerUserId: number | null;
  cityAdcode: string | null;
}

export interface OrdersImPort {
  order(documentId: string): Promise<ChatOrder | null>;
  /** The same for many orders in one query (conversation lists); unknown ids are left out. */
  orders(documentIds: string[]): Promise<ChatOrder[]>;
  /** The member's city for support chats: the city of their latest order, if any. */
  latestCityOf(userId: number): Promise<string | null>;
}
