import type { Core } from '@strapi/strapi';
import { transaction } from '../../../../../runtime/transaction';
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';
import type {
  CancellationFeeSharedPosting,
  OrderCompletedPosting,
  OrderConfirmedPosting,
  PostedEntry,
  SettlementLedgerPort,
  SettlementPosting,
} from '../../../shared/contracts/settlement-ledger';
import { cancellationFeeKept, paymentReceived, refundPaid, walletPayment, walletTopUp, type Posting } from '../domain/ledger';
import { cancellationFeeSplitPosting, orderCompletedPosting, type RecognitionPolicy } from '../domain/revenue-recognition';
import type { CommissionSplit } from '../domain/commission';
import { settleableFrom } from '../domain/earning-status';
import { EARNING_UID, getService, WORKER_UID } from '../utils';

export function recognitionPolicy(settings: PlatformSettings): RecognitionPolicy {
  const { commission } = settings;
  return {
    defaultPercent: commission.defaultPercent,
    minCommission: commission.minCommission,
    couponsPlatformFunded: commission.couponsPlatformFunded,
    pointsPlatformFunded: commission.pointsPlatformFunded,
    categoryPercents: settings.categoryCommissions.flatMap((rule) => (rule.category?.slug ? [{ categorySlug: rule.category.slug, percent: rule.percent }] : [])),
    levelPercents: settings.levelCommissions.map((rule) => ({ level: rule.level, percent: rule.percent })),
  };
}

/**
 * The settlement port (contract: shared/contracts/settlement-ledger.ts). Other plugins name the
 * business event; this builds the balanced entry with settlement's own rules and books it in
 * the caller's transaction, once per event: the journal entry's ref and the earning's ref are
 * unique indexes, so a repeated delivery finds the entry and books nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }): SettlementLedgerPort & { workerLevel(workerId: number, skillIds: number[]): Promise<number | null> } => {
  const ledger = () => getService(strapi, 'ledger');

  async function book(posting: Posting, city?: string | null): Promise<PostedEntry> {
    const { created } = await ledger().post(posting, { city: city ?? null });
    return { ref: posting.ref, created };
  }

  async function bookEarning(
    posting: Posting,
    split: CommissionSplit,
    earning: {
      kind: 'service' | 'cancellation';
      workerId: number;
      order: { id: number; documentId: string; orderNo: string; city: string | null };
      earnedAt: Date;
      cycleDays: number;
      /** A service earning's order not yet confirmed (确认完成): pending until order_confirmed. */
      awaitingConfirmation?: boolean;
      confirmedAt?: Date | null;
    },
  ): Promise<PostedEntry> {
    return transaction(strapi, async () => {
      const booked = await book(posting, earning.order.city);
      if (!booked.created) return booked;
      await strapi.db.query(EARNING_UID).create({
        data: {
          ref: posting.ref,
          kind: earning.kind,
          workerId: earning.workerId,
          orderRef: earning.order.id,
          orderDocumentId: earning.order.documentId,
          orderNo: earning.order.orderNo,
          city: earning.order.city,
          gross: split.gross,
          commission: split.commission,
          net: split.net,
          commissionPercent: Math.round(split.percent),
          earnedAt: earning.earnedAt,
          settleableAt: settleableFrom(earning.earnedAt, earning.cycleDays),
          awaitingConfirmation: earning.awaitingConfirmation ?? false,
          confirmedAt: earning.confirmedAt ?? null,
        },
      });
      return booked;
    });
  }

  const settings = (): Promise<PlatformSettings> => strapi.service('api::settings.platform-setting').current();

  async function orderCompleted(input: OrderCompletedPosting): Promise<PostedEntry> {
    const current = await settings();
    const workerLevel = await port.workerLevel(input.workerId, input.order.skillIds);
    const { posting, split } = orderCompletedPosting(
      {
        orderNo: input.order.orderNo,
        workerId: input.workerId,
        categorySlug: input.order.categorySlug,
        workerLevel,
        prepaymentHeld: input.prepaymentHeld,
        couponDiscount: input.couponDiscount,
        pointsDeduction: input.pointsDeduction,
      },
      recognitionPolicy(current),
    );
    if (!posting) return { ref: null, created: false };
    return bookEarning(posting, split, {
      kind: 'service',
      workerId: input.workerId,
      order: input.order,
      earnedAt: new Date(input.order.completedAt),
      cycleDays: current.commission.settlementCycleDays,
      awaitingConfirmation: input.order.confirmedAt === null,
      confirmedAt: input.order.confirmedAt ? new Date(input.order.confirmedAt) : null,
    });
  }

  /** Releases the order's service earning for settlement; a repeat (or an order without one) changes nothing. */
  async function orderConfirmed(input: OrderConfirmedPosting): Promise<PostedEntry> {
    const { count } = await strapi.db.query(EARNING_UID).updateMany({
      where: { orderRef: input.order.id, kind: 'service', awaitingConfirmation: true },
      data: { awaitingConfirmation: false, confirmedAt: new Date(input.confirmedAt) },
    });
    return { ref: null, created: count > 0 };
  }

  async function cancellationFeeShared(input: CancellationFeeSharedPosting): Promise<PostedEntry> {
    const current = await settings();
    const { posting, split } = cancellationFeeSplitPosting(input.order.orderNo, input.workerId, input.fee, current.commission.workerCancellationSharePercent);
    if (!posting) return { ref: null, created: false };
    return bookEarning(posting, split, {
      kind: 'cancellation',
      workerId: input.workerId,
      order: input.order,
      earnedAt: new Date(input.order.cancelledAt),
      cycleDays: current.commission.settlementCycleDays,
    });
  }

  const port = {
    async post(request: SettlementPosting): Promise<PostedEntry> {
      switch (request.event) {
        case 'payment_received': {
          const posting =
            request.purpose === 'topup'
              ? walletTopUp(request.outTradeNo, request.channel, request.memberId, request.amount, request.memo)
              : request.channel === 'balance'
                ? walletPayment(request.outTradeNo, request.memberId, request.amount, request.memo)
                : paymentReceived(request.outTradeNo, request.channel, request.amount, request.memo);
          return book(posting, request.city);
        }
        case 'refund_paid':
          return book(refundPaid(request.outRefundNo, request.channel, request.memberId, request.amount, request.memo), request.city);
        case 'fee_kept':
          return book(cancellationFeeKept(request.orderNo, request.amount, request.memo), request.city);
        case 'cancellation_fee_shared':
          return cancellationFeeShared(request);
        case 'order_completed':
          return orderCompleted(request);
        case 'order_confirmed':
          return orderConfirmed(request);
      }
    },

    /**
     * The worker's level for the order's service: the highest level among their skills that
     * the item asks for; null when none matches (the category or default rate applies).
     */
    async workerLevel(workerId: number, skillIds: number[]): Promise<number | null> {
      if (skillIds.length === 0) return null;
      const worker = await strapi.db.query(WORKER_UID).findOne({
        where: { id: workerId },
        select: ['id'],
        populate: { skills: { populate: { skill: { select: ['id'] } } } },
      });
      const levels = ((worker?.skills ?? []) as Array<{ level?: number; skill?: { id: number } | null }>)
        .filter((entry) => entry.skill && skillIds.includes(entry.skill.id) && Number.isInteger(entry.level))
        .map((entry) => entry.level as number);
      return levels.length ? Math.max(...levels) : null;
    },
  };
  return port;
};
