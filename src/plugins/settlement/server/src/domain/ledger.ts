/**
 * Double-entry postings. Every journal entry's lines sum to zero (debits positive, credits
 * negative), so balances derived from the lines always reconcile. Pure: the services persist
 * what these functions return.
 *
 * Accounts (code · kind):
 *   cash:<channel>            asset      money held at WeChat Pay, Alipay, UnionPay, sandbox
 *   customer-prepayments      liability  paid by members for services not yet settled
 *   wallet:<userId>           liability  a member's balance (余额)
 *   income:cancellation-fees  income     fees kept on cancellations
 *   suspense:payments         liability  amounts received that did not match a payment (owed until reviewed)
 */
import { DomainError } from '../../../../../runtime/errors';
import type { Fen } from '../../../../../runtime/money';

export type AccountKind = 'asset' | 'liability' | 'income' | 'expense' | 'equity';

export interface PostingLine {
  account: string;
  /** Debit positive, credit negative, integer fen. */
  amount: number;
}

export interface Posting {
  /** Idempotency key: one entry per business event (e.g. `payment:SM…:paid`). */
  ref: string;
  kind: string;
  memo: string;
  lines: PostingLine[];
}

export const accounts = {
  cash: (channel: string) => `cash:${channel}`,
  prepayments: () => 'customer-prepayments',
  wallet: (userId: number) => `wallet:${userId}`,
  cancellationFees: () => 'income:cancellation-fees',
  suspense: () => 'suspense:payments',
  workerPayable: (workerId: number) => `worker-payable:${workerId}`,
};

export function accountKind(code: string): AccountKind {
  if (code.startsWith('cash:')) return 'asset';
  if (code.startsWith('income:')) return 'income';
  if (code.startsWith('expense:')) return 'expense';
  if (code.startsWith('equity:')) return 'equity';
  return 'liability';
}

/** Throws unless the entry is balanced, integer and has no empty line. */
export function assertBalanced(posting: Posting): Posting {
  if (posting.lines.length < 2) throw new DomainError('INTERNAL', `ledger entry ${posting.ref} needs two lines`);
  let sum = 0;
  for (const line of posting.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0) {
      throw new DomainError('INTERNAL', `ledger entry ${posting.ref} has a non-integer or zero line`);
    }
    sum += line.amount;
  }
  if (sum !== 0) throw new DomainError('INTERNAL', `ledger entry ${posting.ref} does not balance (${sum})`);
  return posting;
}

const transfer = (ref: string, kind: string, memo: string, debit: string, credit: string, amount: Fen): Posting =>
  assertBalanced({ ref, kind, memo, lines: [{ account: debit, amount }, { account: credit, amount: -amount }] });

/** A member paid an order through a channel: the money is held for the service. */
export function paymentReceived(outTradeNo: string, channel: string, amount: Fen, memo: string): Posting {
  if (channel === 'balance') throw new DomainError('INTERNAL', 'wallet payments post with walletPayment');
  return transfer(`payment:${outTradeNo}:paid`, 'payment', memo, accounts.cash(channel), accounts.prepayments(), amount);
}

/** A member paid an order from their wallet. */
export const walletPayment = (outTradeNo: string, userId: number, amount: Fen, memo: string) =>
  transfer(`payment:${outTradeNo}:paid`, 'payment', memo, accounts.wallet(userId), accounts.prepayments(), amount);

/** Money back to where it came from. */
export const refundPaid = (outRefundNo: string, channel: string, userId: number, amount: Fen, memo: string) =>
  transfer(
    `refund:${outRefundNo}:paid`,
    'refund',
    memo,
    accounts.prepayments(),
    channel === 'balance' ? accounts.wallet(userId) : accounts.cash(channel),
    amount,
  );

/** A wallet top-up through a channel. */
export const walletTopUp = (outTradeNo: string, channel: string, userId: number, amount: Fen, memo: string) =>
  transfer(`payment:${outTradeNo}:paid`, 'topup', memo, accounts.cash(channel), accounts.wallet(userId), amount);

/** The platform keeps a cancellation fee out of the prepayment. */
export const cancellationFeeKept = (orderNo: string, amount: Fen, memo: string) =>
  transfer(`order:${orderNo}:cancellation-fee`, 'cancellation_fee', memo, accounts.prepayments(), accounts.cancellationFees(), amount);

/** Money arrived that does not match what was asked (held for review, never lost). */
export const unmatchedReceipt = (ref: string, channel: string, amount: Fen, memo: string) =>
  transfer(`suspense:${ref}`, 'suspense', memo, accounts.cash(channel), accounts.suspense(), amount);

/**
 * A settlement payout reached the worker: what the platform owed them leaves its cash
 * (`cash:bank` for transfers, `cash:wechat` for 商家转账). Posted once per payout number.
 */
export const payoutPaid = (payoutNo: string, workerId: number, cashChannel: string, amount: Fen, memo: string) =>
  transfer(`payout:${payoutNo}:paid`, 'payout', memo, accounts.workerPayable(workerId), accounts.cash(cashChannel), amount);

/**
 * Balance of an account as the business reads it: assets and expenses on the debit side,
 * liabilities, income and equity on the credit side (a member's wallet of ¥50 reads +5000).
 */
export function readableBalance(code: string, sumOfLines: number): number {
  const kind = accountKind(code);
  return kind === 'asset' || kind === 'expense' ? sumOfLines : -sumOfLines;
}
