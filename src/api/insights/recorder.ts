import { clock } from '../../runtime/clock';

export type BehaviourKind = 'view_item' | 'search' | 'favourite' | 'book' | 'pay' | 'review';

export interface BehaviourEvent {
  kind: BehaviourKind;
  userId?: number | null;
  /** The client's anonymous device id (header `X-Device-Id`), for visitors and across sign-in. */
  deviceId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** City adcode (6 digits) when the request or message names one. */
  city?: string | null;
  at: Date;
  meta?: Record<string, unknown> | null;
  /** Set for events every instance may hear: stored once per key. */
  key?: string;
}

interface Recorder {
  record(event: BehaviourEvent): void;
}

// Set by the insights service once it runs; until then (and in scripts) nothing is recorded.
let current: Recorder | null = null;

export function setRecorder(recorder: Recorder | null): void {
  current = recorder;
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ADCODE = /^\d{6}$/;

type Ctx = any;
type Next = () => Promise<unknown>;

/** What a request says about who is asking, for an event; never throws. */
function requester(ctx: Ctx): Pick<BehaviourEvent, 'userId' | 'deviceId' | 'city'> {
  const device = ctx.get?.('X-Device-Id');
  const city = typeof ctx.query?.city === 'string' ? ctx.query.city : ctx.get?.('X-City');
  return {
    userId: ctx.state?.user?.id ?? null,
    deviceId: typeof device === 'string' && DEVICE_ID.test(device) ? device : null,
    city: typeof city === 'string' && ADCODE.test(city) ? city : null,
  };
}

/**
 * Route middleware: after the route answered (a cache hit and a 304 included, so it goes in
 * front of the cache middleware), hands an event to the buffer. Synchronous, no I/O: the
 * request never waits for the insert. `describe` returns null for answers not worth recording.
 */
export function recordBehaviour(kind: BehaviourKind, describe: (ctx: Ctx) => Pick<BehaviourEvent, 'subjectType' | 'subjectId' | 'meta'> | null) {
  return async (ctx: Ctx, next: Next) => {
    await next();
    if (!current || (ctx.status !== 200 && ctx.status !== 201 && ctx.status !== 304)) return;
    try {
      const described = describe(ctx);
      if (described) current.record({ kind, ...requester(ctx), ...described, at: clock.now() });
    } catch {
      // Analytics never fail a request.
    }
  };
}
