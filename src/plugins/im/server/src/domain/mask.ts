/**
 * Members and workers are kept on the platform (calls go through its privacy numbers, payments
 * through the order), so contact details typed into an order chat are masked before storing.
 */

// Mainland mobiles (1[3-9] + 9 digits) also when written with spaces or dashes, e.g. 138 1234 5678.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
// Landlines with an area code: 021-12345678, 0571 8888 8888.
const LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;
// "微信 abc123", "vx: abc_123", "wechat：abc-1": the id after a WeChat keyword.
const WECHAT = /((?:微信号?|威信|薇信|v信|vx|wx|wechat|weixin)\s*(?:号)?\s*[:：]?\s*)([a-zA-Z][-_a-zA-Z0-9]{5,19})/gi;

const maskDigits = (match: string): string => {
  const digits = match.replace(/\D/g, '');
  // Keep the first 3 and last 2 digits so both sides still recognise which number was meant.
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 5))}${digits.slice(-2)}`;
};

export function maskContacts(text: string): string {
  return text
    .replace(MOBILE, maskDigits)
    .replace(LANDLINE, maskDigits)
    .replace(WECHAT, (_all, keyword: string, id: string) => `${keyword}${id.slice(0, 1)}${'*'.repeat(id.length - 1)}`);
}
