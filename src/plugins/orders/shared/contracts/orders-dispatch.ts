/**
 * What the orders plugin offers the dispatch plugin (server: services/dispatch-port.ts). Dispatch
 * never reads the orders tables: it asks through this port. Times are ISO 8601 strings, ids are
 * database ids unless named documentId.
 */
export type OrderStatusValue =
  | 'pending_payment'
  | 'pending_acceptance'
  | 'accepted'
  | 'on_the_way'
  | 'arrived'
  | 'in_service'
  | 'paused'
  | 'pending_final_payment'
  | 'completed'
  | 'cancelled';

/** An order as matching needs it. */
export interface DispatchOrder {
  id: number;
  documentId: string;
  orderNo: string;
  status: OrderStatusValue;
  memberId: number;
  cityAdcode: string | null;
  cityName: string | null;
  categorySlug: string | null;
  categoryName: string | null;
  serviceItem: { documentId: string; name: string; skillIds: number[] };
  scheduledAt: string;
  durationMinutes: number;
  instant: boolean;
  location: { lat: number; lng: number } | null;
  district: string | null;
  genderPreference: 'male' | 'female' | 'any' | null;
  preferredWorkerId: number | null;
  workerId: number | null;
  paidAt: string | null;
  total: number;
}

export interface PendingOrderFilter {
  /** undefined: every city; [] matches nothing. */
  cityAdcodes?: string[];
  categorySlug?: string;
  /** Only orders starting before this instant. */
  startsBefore?: Date;
  limit?: number;
}

/** Time a worker's accepted orders hold (the service plus travel buffer, on the slot grid). */
export interface HeldTime {
  orderId: number;
  workerId: number;
  start: string;
  end: string;
}

/** An accepted (not yet finished) order of one worker, for schedules and the day timeline. */
export interface WorkerBooking {
  orderId: number;
  documentId: string;
  orderNo: string;
  status: OrderStatusValue;
  scheduledAt: string;
  durationMinutes: number;
  serviceName: string;
  district: string | null;
}

export interface AcceptActor {
  type: 'worker' | 'operator' | 'system';
  /** users-permissions user id of a worker, admin user id of an operator. */
  id?: number;
}

export interface AcceptContext {
  orderId: number;
  orderDocumentId: string;
  workerId: number;
  actor: AcceptActor;
}

/**
 * Rules another plugin adds to every acceptance (a worker's accept, an operator's or the
 * system's assignment). `before` runs outside the transaction; `within` inside it, before the
 * worker's slots are taken (throwing rolls everything back); `failed` may replace the error an
 * acceptance ended with (e.g. a lost grab race becomes OFFER_EXPIRED).
 */
export interface AcceptPolicy {
  before?(context: AcceptContext): Promise<void>;
  within?(context: AcceptContext & { trx: unknown }): Promise<void>;
  failed?(error: unknown, context: AcceptContext): Promise<unknown>;
}
