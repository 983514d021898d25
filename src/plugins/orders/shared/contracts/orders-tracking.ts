import type { OrderStatusValue } from './orders-dispatch';

/**
 * What the orders plugin offers the tracking plugin (server: services/tracking-port.ts). Tracking
 * never reads the orders tables: it asks who an order belongs to and where the worker is going.
 */
export interface TrackedOrder {
  id: number;
  documentId: string;
  status: OrderStatusValue;
  /** users-permissions user id of the member who placed it. */
  memberId: number;
  /** people worker id and that worker's users-permissions user id, once someone accepted it. */
  workerId: number | null;
  workerUserId: number | null;
  cityAdcode: string | null;
  /** The service address (the worker's destination), when it has coordinates. */
  destination: { lat: number; lng: number } | null;
}

export interface OrdersTrackingPort {
  order(documentId: string): Promise<TrackedOrder | null>;
  /** The worker's orders between setting off and starting the service (on_the_way, arrived). */
  travellingOrders(workerUserId: number): Promise<TrackedOrder[]>;
}
