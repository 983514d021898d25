import { zonedParts } from '../../../../../runtime/clock';

/**
 * Merchant trade numbers: `PY` + local time to the second + 8 random digits (24 chars), within
 * every channel's limits (WeChat 6–32, UnionPay 8–40 alphanumeric, Alipay 64). Refunds use `RF`.
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function tradeNo(prefix: 'PY' | 'RF', at: Date, random: number, timezone: string): string {
  const p = zonedParts(at, timezone);
  return `${prefix}${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}${pad(random % 100_000_000, 8)}`;
}

export const isTradeNo = (value: string) => /^(PY|RF)\d{22}$/.test(value);
