import { maskPhone, workerDisplayName } from '../../../../../api/people/domain/privacy';
import { amountDueNow, confirmationView, ORDER_STATUS_LABELS, type ConfirmedBy, type OrderStatus } from '../domain';

export { amountDueNow };

/**
 * What members, workers and operators see of an order. A worker sees the customer's exact
 * address and phone only once the order is theirs; before that (offers) the phone is masked.
 */
export type Viewer = { kind: 'member' } | { kind: 'worker'; isAssigned: boolean } | { kind: 'operator' };

export interface OrderRow {
  id: number;
  documentId: string;
  orderNo: string;
  orderStatus: OrderStatus;
  memberId: number;
  itemSnapshot: any;
  quantity: number;
  packageCode: string | null;
  addressSnapshot: any;
  scheduledAt: string;
  durationMinutes: number;
  instant: boolean;
  requirements: any;
  paymentMode: 'full' | 'deposit';
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
  recurrence: any;
  source: string;
  cancelReason: string | null;
  cancelledBy: string | null;
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
  acceptedAt: string | null;
  departedAt: string | null;
  arrivedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  autoConfirmAt?: string | null;
  confirmedAt?: string | null;
  confirmedBy?: ConfirmedBy | null;
  worker?: any;
  preferredWorker?: any;
  city?: { adcode: string; name: string } | null;
  parent?: { documentId: string } | null;
  children?: Array<{ documentId: string; orderNo: string; scheduledAt: string; orderStatus: OrderStatus }>;
  userCoupon?: { documentId: string } | null;
  events?: any[];
}


const workerView = (w: any) =>
  w
    ? {
        documentId: w.documentId,
        displayName: workerDisplayName(w.realName ?? '', w.gender),
        gender: w.gender,
        rating: Number(w.rating ?? 5),
        phone: maskPhone(w.user?.phone),
      }
    : null;

export function toOrderView(row: OrderRow, viewer: Viewer) {
  const address = row.addressSnapshot ?? {};
  const seesContact = viewer.kind !== 'worker' || viewer.isAssigned;
  return {
    documentId: row.documentId,
    orderNo: row.orderNo,
    status: row.orderStatus,
    statusLabel: ORDER_STATUS_LABELS[row.orderStatus],
    // 确认完成 (completed orders only): settlement counts the order once it is confirmed.
    confirmation: confirmationView(row),
    serviceItem: {
      documentId: row.itemSnapshot?.documentId,
      name: row.itemSnapshot?.name,
      unit: row.itemSnapshot?.unit,
      price: row.itemSnapshot?.price,
      category: row.itemSnapshot?.categorySlug ?? null,
      cover: row.itemSnapshot?.cover ?? null,
    },
    quantity: row.quantity,
    packageCode: row.packageCode ?? null,
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    instant: Boolean(row.instant),
    requirements: row.requirements ?? {},
    address: {
      contact: address.contact,
      phone: seesContact ? address.phone : maskPhone(address.phone),
      city: address.city,
      cityName: address.cityName,
      district: address.district,
      detail: seesContact ? address.detail : undefined,
      lat: seesContact ? address.lat : undefined,
      lng: seesContact ? address.lng : undefined,
    },
    city: row.city?.adcode ?? address.city ?? null,
    worker: workerView(row.worker),
    preferredWorker: row.preferredWorker ? workerView(row.preferredWorker) : null,
    paymentMode: row.paymentMode,
    amounts: {
      subtotal: row.subtotal,
      discount: row.discount,
      pointsUsed: row.pointsUsed,
      pointsDeduction: row.pointsDeduction,
      total: row.total,
      deposit: row.deposit,
      balanceDue: row.balanceDue,
      paid: row.paid,
      refunded: row.refunded,
      refundPending: row.refundPending,
      cancellationFee: row.cancellationFee,
      payNow: amountDueNow(row),
    },
    cancellationFee: row.cancellationFee,
    coupon: row.userCoupon?.documentId ?? null,
    recurrence: row.recurrence ?? null,
    parent: row.parent?.documentId ?? null,
    children: (row.children ?? []).map((c) => ({ documentId: c.documentId, orderNo: c.orderNo, scheduledAt: c.scheduledAt, status: c.orderStatus })),
    source: row.source,
    cancelReason: row.cancelReason ?? null,
    cancelledBy: row.cancelledBy ?? null,
    timestamps: {
      createdAt: row.createdAt,
      paidAt: row.paidAt,
      acceptedAt: row.acceptedAt,
      departedAt: row.departedAt,
      arrivedAt: row.arrivedAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      cancelledAt: row.cancelledAt,
    },
    ...(row.events
      ? {
          events: row.events.filter((e) => viewer.kind === 'operator' || !STAFF_ONLY_EVENTS.has(e.event)).map((e) => ({
            event: e.event,
            from: e.fromStatus,
            to: e.toStatus,
            actor: e.actorType,
            reason: e.reason ?? null,
            at: e.at,
            // Operators see what a step recorded (arrival position and distance, on whose behalf).
            ...(viewer.kind === 'operator' && e.data ? { data: e.data } : {}),
          })),
        }
      : {}),
  };
}

export type OrderView = ReturnType<typeof toOrderView>;

/** 客服's own notes on the timeline (a bad review to follow up, why a review was hidden): not for the member or the worker. */
const STAFF_ONLY_EVENTS: ReadonlySet<string> = new Set(['bad_review', 'review_hidden']);
