/**
 * Shapes of the orders plugin's admin routes as the monitor reads them (server: routes/index.ts,
 * services/operations.ts + order-view.ts). Money in fen, times ISO 8601.
 */
import type { OrderStatus } from '../domain/labels';

export interface OrderWorker {
  documentId: string;
  displayName: string;
  gender: 'male' | 'female';
  rating: number;
  phone: string | null;
}

export interface OrderAmounts {
  subtotal: number;
  discount: number;
  pointsUsed: number;
  pointsDeduction: number;
  total: number;
  deposit: number;
  balanceDue: number;
  paid: number;
  refunded: number;
  refundPending: number;
  cancellationFee: number;
  payNow: number;
}

/** GET /orders/orders → { data: OrderSummary[], meta: { pagination } } */
export interface OrderSummary {
  documentId: string;
  orderNo: string;
  status: OrderStatus;
  statusLabel: string;
  serviceItem: { documentId?: string; name?: string; unit?: string; price?: number; category?: string | null };
  quantity: number;
  scheduledAt: string;
  durationMinutes: number;
  instant: boolean;
  address: { contact?: string; phone?: string; city?: string; cityName?: string; district?: string; detail?: string };
  city: string | null;
  category: { slug: string; name: string } | null;
  worker: OrderWorker | null;
  preferredWorker: OrderWorker | null;
  workerName: string | null;
  paymentMode: 'full' | 'deposit';
  amounts: OrderAmounts;
  source: string;
  cancelReason: string | null;
  cancelledBy: string | null;
  exceptions: Array<{ code: string; label: string }>;
  timestamps: Record<'createdAt' | 'paidAt' | 'acceptedAt' | 'departedAt' | 'arrivedAt' | 'startedAt' | 'completedAt' | 'cancelledAt', string | null>;
}

export interface OrderEventRow {
  event: string;
  from: OrderStatus | null;
  to: OrderStatus | null;
  actor: string;
  reason: string | null;
  at: string;
}

/** GET /orders/orders/:id, and what cancel / reassign / assign answer: { data: OrderDetail } */
export interface OrderDetail extends OrderSummary {
  events: OrderEventRow[];
  member: { id: number; nickname: string | null; phone: string | null } | null;
  children: Array<{ documentId: string; orderNo: string; scheduledAt: string; status: OrderStatus }>;
  parent: string | null;
  requirements: { areas?: string[]; supplies?: string[]; genderPreference?: 'male' | 'female' | 'any'; note?: string };
}

export interface CityOption {
  adcode: string;
  name: string;
}

export interface CategoryOption {
  slug: string;
  name: string;
}

/** Public worker view (GET /api/workers). */
export interface WorkerOption {
  documentId: string;
  displayName: string;
  rating: number;
  skills: Array<{ slug: string; name: string; level: number }>;
}
