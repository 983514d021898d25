import crypto from 'crypto';
import { NotificationRejected, type NotifyReply, type PaymentProvider, type VerifiedNotification } from './types';

/**
 * Sandbox channel for development, demos and tests. It has no money behind it, but it runs the
 * same pipeline as real channels: a confirmation becomes an HMAC-signed notification that goes
 * through verification, amount check, idempotency and the ledger. Off unless PAYMENTS_SANDBOX=true
 * (a default `npm start` must not let members mint balance), and never with NODE_ENV=production.
 */
export interface SandboxConfig {
  secret: string;
  timestampWindowSeconds?: number;
  now: () => Date;
  /** Where a client confirms a sandbox payment (documented in params). */
  confirmPath: (outTradeNo: string) => string;
}

export const SANDBOX_HEADERS = { signature: 'x-sandbox-signature', timestamp: 'x-sandbox-timestamp' };

export interface SandboxEvent {
  kind: 'payment' | 'refund';
  outTradeNo: string;
  transactionId: string;
  amount: number;
  status: VerifiedNotification['status'];
  outRefundNo?: string;
  refundId?: string;
  refundAmount?: number;
  at: string;
}

const sign = (secret: string, timestamp: string, body: string) =>
  crypto.createHmac('sha256', secret).update(`${timestamp}\n${body}\n`).digest('hex');

/** Thrown at boot: the sandbox must never be reachable in a production deployment. */
export class SandboxInProduction extends Error {
  constructor() {
    super('PAYMENTS_SANDBOX=true is refused with NODE_ENV=production: the sandbox channel lets members confirm their own payments. Unset PAYMENTS_SANDBOX.');
    this.name = 'SandboxInProduction';
  }
}

export const sandboxEnabled = (env: NodeJS.ProcessEnv): boolean => env.PAYMENTS_SANDBOX === 'true';

export function sandboxConfigFromEnv(env: NodeJS.ProcessEnv, now: () => Date, confirmPath: (no: string) => string): SandboxConfig | undefined {
  if (!sandboxEnabled(env)) return undefined;
  if (env.NODE_ENV === 'production') throw new SandboxInProduction();
  // A stable development secret derived from the app secret is fine: this never runs in production.
  const secret = env.SANDBOX_PAY_SECRET || crypto.createHash('sha256').update(`sandbox:${env.JWT_SECRET ?? 'shangmen'}`).digest('hex');
  return { secret, now, confirmPath };
}

export function createSandboxProvider(config: SandboxConfig): PaymentProvider & {
  signedNotification(event: SandboxEvent): { body: string; headers: Record<string, string> };
} {
  const windowSeconds = config.timestampWindowSeconds ?? 300;
  const reply = (status: number, body: object): NotifyReply => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
  // What this process's sandbox "channel" has refunded, so a refund query answers as a channel would.
  const refunds = new Map<string, { amount: number; refundId: string; at: Date }>();

  return {
    channel: 'sandbox',

    async create(input) {
      return {
        params: {
          channel: 'sandbox',
          outTradeNo: input.outTradeNo,
          amount: input.amount,
          confirmUrl: config.confirmPath(input.outTradeNo),
          expiresAt: input.expiresAt.toISOString(),
        },
      };
    },

    signedNotification(event) {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(config.now().getTime() / 1000));
      return { body, headers: { [SANDBOX_HEADERS.timestamp]: timestamp, [SANDBOX_HEADERS.signature]: sign(config.secret, timestamp, body) } };
    },

    async verifyNotify(rawBody, headers) {
      const timestamp = headers[SANDBOX_HEADERS.timestamp];
      const signature = headers[SANDBOX_HEADERS.signature];
      if (!timestamp || !signature || !/^[0-9a-f]{64}$/.test(signature)) throw new NotificationRejected('signature', 'missing sandbox signature');
      const expected = Buffer.from(sign(config.secret, timestamp, rawBody), 'hex');
      if (!crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new NotificationRejected('signature', 'bad sandbox signature');
      if (Math.abs(config.now().getTime() / 1000 - Number(timestamp)) > windowSeconds) {
        throw new NotificationRejected('timestamp', 'sandbox notification outside the time window');
      }
      let event: SandboxEvent;
      try {
        event = JSON.parse(rawBody);
      } catch {
        throw new NotificationRejected('malformed', 'sandbox notification is not JSON');
      }
      if (!event?.outTradeNo || !Number.isSafeInteger(event.amount)) throw new NotificationRejected('malformed', 'sandbox notification lacks fields');
      return {
        kind: event.kind,
        outTradeNo: event.outTradeNo,
        transactionId: event.transactionId,
        amount: event.amount,
        status: event.status,
        outRefundNo: event.outRefundNo,
        refundId: event.refundId,
        refundAmount: event.refundAmount,
        at: new Date(event.at),
        raw: event,
      };
    },

    successReply: () => reply(200, { code: 'SUCCESS' }),
    failureReply: (status, message) => reply(status, { code: 'FAIL', message }),

    // Sandbox money moves at once: refunds succeed immediately, there is nothing to close.
    async refund(input) {
      const refundId = `SBR${input.outRefundNo}`;
      if (!refunds.has(input.outRefundNo)) refunds.set(input.outRefundNo, { amount: input.amount, refundId, at: config.now() });
      return { refundId, status: 'success', raw: { sandbox: true } };
    },
    async queryRefund(input) {
      const known = refunds.get(input.outRefundNo);
      if (!known) return { status: 'not_found', raw: { sandbox: true } };
      return { status: 'success', amount: known.amount, refundId: known.refundId, at: known.at, raw: { sandbox: true } };
    },
    async query() {
      return { status: 'unpaid', raw: { sandbox: true } };
    },
    async close() {},
  };
}
