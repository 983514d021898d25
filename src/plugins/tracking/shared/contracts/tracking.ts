/**
 * Request/response types of the tracking routes and socket events (docs/API.md, 上门轨迹).
 * Times are ISO 8601; `order` is the order's documentId.
 */

// POST /api/tracking/location (worker)
export interface PingLocationRequest {
  /** Optional when the worker has exactly one order on the way. */
  order?: string;
  lat: number;
  lng: number;
  /** Metres, as the phone reports it. */
  accuracy?: number;
  /** When the phone took the fix (queued pings keep their times); the server time when absent. */
  at?: string;
}
export interface PingLocationResponse {
  data: TrackingView & { order: string; sampled: boolean };
}

// GET /api/orders/:id/tracking (member, worker) and GET /tracking/orders/:id (admin)
export interface TrackingView {
  lat: number;
  lng: number;
  accuracy: number | null;
  updatedAt: string;
  etaSeconds: number;
  distanceMeters: number;
  /** `amap` when the route service answered, `estimate` for distance ÷ the city's speed. */
  etaSource: 'amap' | 'estimate';
}
export interface GetTrackingResponse {
  data: TrackingView;
}

// socket server → client, to the order's room (order:watch)
export interface TrackingLocationEvent {
  order: string;
  lat: number;
  lng: number;
  etaSeconds: number;
  at: string;
}

// socket client → server
export interface OrderWatchRequest {
  order: string;
}
