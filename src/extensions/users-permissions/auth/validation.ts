import { validationFailed } from '../../../runtime/errors';
import { normalizeMainlandPhone } from './phone';

const SMS_CODE = /^\d{6}$/;

/** The body as a plain object with no field outside `allowed`; anything else is a 400. */
function readBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed('请求体必须是 JSON 对象');
  }
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw validationFailed(`不支持的字段：${unknown.join(', ')}`, { unknownFields: unknown });
  }
  return body as Record<string, unknown>;
}

function readPhone(value: unknown): string {
  if (value === undefined || value === null || value === '') throw validationFailed('请输入手机号', { field: 'phone' });
  const phone = normalizeMainlandPhone(value);
  if (!phone) throw validationFailed('手机号格式不正确', { field: 'phone' });
  return phone;
}

/** Optional name of the device a session belongs to (logout by device, as on the stock routes). */
function readDeviceId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 128) {
    throw validationFailed('deviceId 应为 1–128 个字符的字符串', { field: 'deviceId' });
  }
  return value;
}

export function parseSmsSendBody(body: unknown): { phone: string } {
  const fields = readBody(body, ['phone']);
  return { phone: readPhone(fields.phone) };
}

export function parseSmsLoginBody(body: unknown): { phone: string; code: string; deviceId?: string } {
  const fields = readBody(body, ['phone', 'code', 'deviceId']);
  const deviceId = readDeviceId(fields.deviceId);
  const phone = readPhone(fields.phone);
  if (fields.code === undefined || fields.code === null || fields.code === '') {
    throw validationFailed('请输入验证码', { field: 'code' });
  }
  const code = typeof fields.code === 'string' ? fields.code.trim() : '';
  if (!SMS_CODE.test(code)) throw validationFailed('验证码应为 6 位数字', { field: 'code' });
  return { phone, code, ...(deviceId ? { deviceId } : {}) };
}

export function parseWechatLoginBody(body: unknown): { code: string; deviceId?: string } {
  const fields = readBody(body, ['code', 'deviceId']);
  const deviceId = readDeviceId(fields.deviceId);
  const code = typeof fields.code === 'string' ? fields.code.trim() : '';
  if (!code) throw validationFailed('缺少微信登录凭证 code', { field: 'code' });
  // wx.login codes are short opaque tokens; a bound keeps junk out of the upstream URL.
  if (code.length > 128) throw validationFailed('微信登录凭证格式不正确', { field: 'code' });
  return { code, ...(deviceId ? { deviceId } : {}) };
}
