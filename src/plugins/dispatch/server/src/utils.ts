import type { Core } from '@strapi/strapi';
import type {
  AcceptActor,
  AcceptPolicy,
  DispatchOrder,
  HeldTime,
  PendingOrderFilter,
  WorkerBooking,
} from '../../../orders/shared/contracts/orders-dispatch';
import type services from './services';

export const TASK_UID = 'plugin::dispatch.dispatch-task';
export const OFFER_UID = 'plugin::dispatch.dispatch-offer';
export const ALERT_UID = 'plugin::dispatch.ops-alert';
export const BLOCK_UID = 'plugin::dispatch.worker-block';
export const WORKER_UID = 'api::people.worker';

/** Geo set of workers' home positions (member = worker id). */
export const HOMES_SET = 'worker-homes';

type Services = typeof services;

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('dispatch').service(name) as ReturnType<Services[K]>;
}

/** The orders plugin's port for dispatch (contract: orders/shared/contracts/orders-dispatch.ts). */
export interface OrdersPort {
  setAcceptPolicy(policy: AcceptPolicy | undefined): void;
  order(ref: { id?: number; documentId?: string }): Promise<DispatchOrder | null>;
  pendingOrders(filter?: PendingOrderFilter): Promise<DispatchOrder[]>;
  heldTime(workerIds: number[], from: Date, to: Date, trx?: unknown): Promise<HeldTime[]>;
  orderCounts(workerIds: number[], from: Date, to: Date, trx?: unknown): Promise<Map<number, number>>;
  bookingsOf(workerId: number, from: Date, to: Date): Promise<WorkerBooking[]>;
  servedWorkerIds(memberId: number): Promise<number[]>;
  assign(orderDocumentId: string, workerId: number, actor: AcceptActor): Promise<DispatchOrder>;
  closeUnaccepted(orderId: number, reason: string): Promise<boolean>;
}

export const ordersPort = (strapi: Core.Strapi): OrdersPort => strapi.plugin('orders').service('dispatch-port') as OrdersPort;
