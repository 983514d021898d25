import type { Core } from '@strapi/strapi';
import { DomainError, validationFailed } from '../../../../../runtime/errors';
import type { PayoutMethod } from '../domain/settlement-batch';

/**
 * How a statement's money reaches the worker. A provider answers `paid` when the money is known
 * to have left (the operator's transfer reference, the sandbox) or `processing` when the channel
 * confirms later. Synchronous providers must not call out: they run inside the transaction
 * that books the payout.
 */
export interface PayoutRequest {
  payoutNo: string;
  statementNo: string;
  workerId: number;
  amount: number;
  reference?: string;
}

export interface PayoutResult {
  status: 'paid' | 'processing';
  reference: string;
  raw?: Record<string, unknown>;
}

export interface PayoutProvider {
  method: PayoutMethod;
  /** false: the provider calls a channel and must run after the payout row commits. */
  synchronous: boolean;
  pay(request: PayoutRequest): Promise<PayoutResult>;
}

/**
 * WeChat Pay v3 商家转账 (`POST /v3/transfer/batches`), as the payments plugin would offer it. The
 * WeChat client (signing, certificates) lives in the payments plugin and is not exposed through a
 * port yet, so this provider is only available once `plugin::payments` registers a service
 * `wechat-transfer` with this shape.
 */
export interface WechatTransferPort {
  createTransferBatch(request: {
    out_batch_no: string;
    batch_name: string;
    batch_remark: string;
    total_amount: number;
    total_num: number;
    transfer_detail_list: Array<{ out_detail_no: string; transfer_amount: number; transfer_remark: string; openid: string }>;
  }): Promise<{ out_batch_no: string; batch_id: string; batch_status?: string }>;
}

const requireReference = (request: PayoutRequest): string => {
  const reference = request.reference?.trim();
  if (!reference) throw validationFailed('请填写转账流水号', { field: 'reference' });
  return reference;
};

export const sandboxPayoutsEnabled = (env: NodeJS.ProcessEnv = process.env) => env.PAYMENTS_SANDBOX === 'true';

export function payoutProvider(strapi: Core.Strapi, method: PayoutMethod): PayoutProvider {
  switch (method) {
    case 'manual':
      return { method, synchronous: true, pay: async (r) => ({ status: 'paid', reference: requireReference(r) }) };
    case 'bank-file':
      // The bank ran the transfer file (GET …/bank-file); the operator records the bank's batch number.
      return { method, synchronous: true, pay: async (r) => ({ status: 'paid', reference: requireReference(r) }) };
    case 'sandbox':
      if (!sandboxPayoutsEnabled()) throw new DomainError('CHANNEL_DISABLED', '沙箱付款未开启', { method });
      return { method, synchronous: true, pay: async (r) => ({ status: 'paid', reference: r.reference?.trim() || `SANDBOX-${r.payoutNo}`, raw: { sandbox: true } }) };
    case 'wechat': {
      const port = wechatTransferPort(strapi);
      if (!port) throw new DomainError('CHANNEL_DISABLED', '微信商家转账尚未接入', { method });
      return {
        method,
        synchronous: false,
        async pay() {
          // Not reachable today (no port): the openid of the worker's account and the result
          // query (GET /v3/transfer/batches/out-batch-no/{out_batch_no}) are still to be built.
          throw new DomainError('CHANNEL_DISABLED', '微信商家转账尚未接入', { method });
        },
      };
    }
    default:
      throw validationFailed('付款方式不正确', { field: 'method' });
  }
}

function wechatTransferPort(strapi: Core.Strapi): WechatTransferPort | undefined {
  try {
    return (strapi.plugin('payments')?.service('wechat-transfer') as WechatTransferPort | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}
