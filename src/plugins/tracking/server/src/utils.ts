import type { Core } from '@strapi/strapi';
import type { OrdersTrackingPort } from '../../../orders/shared/contracts/orders-tracking';
import type services from './services';

export const SAMPLE_UID = 'plugin::tracking.location-sample';

type Services = typeof services;

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin('tracking').service(name) as ReturnType<Services[K]>;
}

/** The orders plugin's port for tracking (contract: orders/shared/contracts/orders-tracking.ts). */
export const ordersPort = (strapi: Core.Strapi): OrdersTrackingPort => strapi.plugin('orders').service('tracking-port') as OrdersTrackingPort;

/** Plugin config (config/plugins.ts → tracking.config), seconds unless named otherwise. */
export interface TrackingConfig {
  /** Pings of one order closer together than this are refused (429 RATE_LIMITED). */
  minPingSeconds: number;
  /** One history row per order per this many seconds. */
  sampleSeconds: number;
  /** A ping whose `at` is older than this is refused (400). */
  maxPingAgeSeconds: number;
  /** How long a route from one grid cell to another is reused. */
  routeCacheSeconds: number;
  /** After AMap fails, it is not asked again for this long (the estimate is used meanwhile). */
  amapBackoffSeconds: number;
  amapTimeoutMs: number;
  amapMode: 'driving' | 'riding';
}

export const DEFAULT_CONFIG: TrackingConfig = {
  minPingSeconds: 5,
  sampleSeconds: 30,
  maxPingAgeSeconds: 600,
  routeCacheSeconds: 120,
  amapBackoffSeconds: 30,
  amapTimeoutMs: 2000,
  amapMode: 'driving',
};

export function trackingConfig(strapi: Core.Strapi): TrackingConfig {
  return { ...DEFAULT_CONFIG, ...((strapi.config.get('plugin::tracking') as Partial<TrackingConfig>) ?? {}) };
}
