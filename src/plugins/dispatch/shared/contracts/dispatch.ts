/**
 * Request and response shapes of the dispatch plugin's routes, shared by the server and the
 * 调度台 admin bundle. Times ISO 8601, money in fen, relations by documentId.
 */
export type DispatchModeValue = 'recommend' | 'assign' | 'grab' | 'batch' | 'manual';
export type OfferStateValue = 'open' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';
export type TaskStateValue = 'offering' | 'waiting_batch' | 'escalated' | 'assigned' | 'closed';
export type AlertKindValue = 'no_candidates' | 'no_acceptance' | 'manual' | 'closed_unaccepted';

export interface ScoreBreakdownView {
  distance: number;
  rating: number;
  experience: number;
  workload: number;
  preference: number;
  repeatCustomer: number;
  acceptance: number;
}

export interface WeeklyWindowView {
  weekday: number;
  start: string;
  end: string;
}

export interface LeaveView {
  startsAt: string;
  endsAt: string;
  reason: string | null;
}

// ---- Worker self-service -----------------------------------------------------------------

/** GET /api/me/worker, PUT /api/me/worker → { data: WorkerSelfView } */
export interface WorkerSelfView {
  documentId: string;
  realName: string;
  displayName: string;
  gender: 'male' | 'female';
  city: string | null;
  cityName: string | null;
  photo: { id: number; url: string } | null;
  bio: string | null;
  serviceRadiusMeters: number;
  home: { lat: number; lng: number } | null;
  acceptingOrders: boolean;
  auditStatus: 'pending' | 'approved' | 'rejected';
  /** Why the last application was rejected (shown to the applicant); null unless rejected. */
  auditReason: string | null;
  employment: 'active' | 'suspended' | 'resigned';
  /** Why the worker may not take orders; null unless suspended. */
  suspendedReason: string | null;
  skills: Array<{ slug: string; name: string; level: number }>;
  experienceYears: number;
  rating: number;
  reviewCount: number;
  completedOrders: number;
}

/** PUT /api/me/worker { data: UpdateWorkerSelfRequest } */
export interface UpdateWorkerSelfRequest {
  photo?: number | null;
  bio?: string | null;
  serviceRadiusMeters?: number;
  home?: { lat: number; lng: number } | null;
  acceptingOrders?: boolean;
}

/** GET|PUT /api/me/schedule, GET|PUT /dispatch/workers/:id/schedule → { data: ScheduleView } */
export interface ScheduleView {
  weekly: WeeklyWindowView[];
  /** true when no windows are set and the business hours apply every day. */
  usesBusinessHours: boolean;
  leave: LeaveView[];
  daysOff: string[];
  maxOrdersPerDay: number | null;
  effectiveMaxOrdersPerDay: number;
  timezone: string;
}

/** PUT /api/me/schedule { data: UpdateScheduleRequest }; 409 BOOKING_CONFLICT names the orders. */
export interface UpdateScheduleRequest {
  weekly?: WeeklyWindowView[];
  leave?: Array<{ startsAt: string; endsAt: string; reason?: string | null }>;
  daysOff?: string[];
  maxOrdersPerDay?: number | null;
}

// ---- Matching ---------------------------------------------------------------------------

/** POST /api/dispatch/recommend */
export interface RecommendRequest {
  serviceItem: string;
  address: string;
  scheduledAt: string;
  durationMinutes?: number;
  genderPreference?: 'male' | 'female' | 'any';
  limit?: number;
}

export interface RecommendedWorker {
  worker: {
    documentId: string;
    displayName: string;
    gender: 'male' | 'female';
    rating: number;
    experienceYears: number;
    photo: string | null;
    skills: Array<{ slug: string; name: string; level: number }>;
  };
  score: number;
  distanceMeters: number;
  breakdown: ScoreBreakdownView;
}

/** → { data: RecommendedWorker[] } */
export type RecommendResponse = RecommendedWorker[];

/** GET /api/dispatch/offers → { data: OfferView[] } (nearest first) */
export interface OfferView {
  documentId: string;
  order: string;
  orderNo: string;
  mode: DispatchModeValue;
  state: OfferStateValue;
  expiresAt: string;
  distanceMeters: number | null;
  score: number | null;
  serviceItem: { documentId: string; name: string };
  scheduledAt: string;
  durationMinutes: number;
  district: string | null;
  total: number;
}

/** Socket `dispatch:offer` to `user:<worker>` */
export interface OfferEvent {
  order: string;
  expiresAt: string;
  mode: DispatchModeValue;
  orderNo: string;
  serviceName: string;
  scheduledAt: string;
  distanceMeters: number | null;
}

/** Socket `dispatch:offer:closed` to `user:<worker>` */
export interface OfferClosedEvent {
  order: string;
  reason: 'taken' | 'expired' | 'withdrawn' | 'cancelled';
}

// ---- 调度台 (admin, /dispatch/…) -----------------------------------------------------------

export interface BoardOrder {
  documentId: string;
  orderNo: string;
  serviceName: string;
  city: string | null;
  cityName: string | null;
  category: string | null;
  categoryName: string | null;
  district: string | null;
  scheduledAt: string;
  durationMinutes: number;
  paidAt: string | null;
  mode: DispatchModeValue;
  modeLabel: string;
  taskState: TaskStateValue | null;
  taskStateLabel: string;
  round: number;
  /** The open offer's end (assign) or the broadcast's end (grab), null when nothing is open. */
  offerExpiresAt: string | null;
  openOffers: number;
  preferredWorker: string | null;
}

export interface BoardAlert {
  id: number;
  order: string;
  orderNo: string | null;
  city: string | null;
  kind: AlertKindValue;
  kindLabel: string;
  message: string;
  at: string;
}

/** GET /dispatch/board?city=&category= → { data: { orders, alerts }, meta: { now } } */
export interface BoardResponse {
  orders: BoardOrder[];
  alerts: BoardAlert[];
}

export interface CandidateView {
  worker: { documentId: string; realName: string; gender: 'male' | 'female'; rating: number; experienceYears: number; skillLevel: number };
  score: number;
  distanceMeters: number;
  breakdown: ScoreBreakdownView;
  offerState: OfferStateValue | null;
}

export interface UnfitView {
  worker: { documentId: string; realName: string };
  reason: string;
  reasonLabel: string;
}

/** GET /dispatch/orders/:id/candidates → { data: { candidates, unfit } } */
export interface CandidatesResponse {
  candidates: CandidateView[];
  /** Nearby workers who cannot take it and why (the first reasons found). */
  unfit: UnfitView[];
  factorLabels: Record<keyof ScoreBreakdownView, string>;
}

/** POST /dispatch/orders/:id/assign { worker } → { data: BoardOrder | null } */
export interface AssignRequest {
  worker: string;
}

export interface TimelineBlock {
  kind: 'available' | 'booking' | 'leave';
  start: string;
  end: string;
  label: string;
  order?: string;
}

/** GET /dispatch/workers/:id/timeline?date=YYYY-MM-DD → { data: WorkerTimeline } */
export interface WorkerTimeline {
  worker: { documentId: string; realName: string };
  date: string;
  dayStart: string;
  dayEnd: string;
  blocks: TimelineBlock[];
  ordersThatDay: number;
  maxOrdersPerDay: number;
}

/** Socket to ops rooms: `dispatch:alert` (BoardAlert) and `dispatch:update` { order, taskState } */
export interface DispatchUpdateEvent {
  order: string;
  taskState: TaskStateValue | null;
  at: string;
}
