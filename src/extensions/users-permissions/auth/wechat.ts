import { DomainError, forbidden, validationFailed } from '../../../runtime/errors';
import { rateLimited } from './rate-limit';

/**
 * WeChat mini-program login: trades the `code` from wx.login for the user's openid
 * (auth.code2Session). The session_key is dropped here and never stored or returned: we use
 * no encrypted WeChat data, and it would let anyone holding it forge such data for the user.
 */
export interface WechatMpConfig {
  appId: string;
  secret: string;
  apiBase: string;
}

export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

export interface WechatDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Told about failures that are ours to fix (bad appid/secret) or WeChat's, never the user's. */
  warn?: (message: string) => void;
}

export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com';

export function wechatConfigFromEnv(env: NodeJS.ProcessEnv): WechatMpConfig | undefined {
  if (!env.WECHAT_MP_APPID || !env.WECHAT_MP_SECRET) return undefined;
  return { appId: env.WECHAT_MP_APPID, secret: env.WECHAT_MP_SECRET, apiBase: env.WECHAT_API_BASE || DEFAULT_WECHAT_API_BASE };
}

export const upstreamUnavailable = (message = '微信服务暂时不可用，请稍后重试') => new DomainError('UPSTREAM_UNAVAILABLE', message);

// errcodes that mean our appid/secret are wrong or missing: the server's fault, not the user's.
const MISCONFIGURED = new Set([40013, 40125, 41002, 41004, 40002, 40164, 61024]);
const BUSY = -1;
const TOO_FREQUENT = 45011;
const RISKY_USER = 40226;

/** Maps a WeChat errcode to the error the client gets. */
export function errorForErrcode(errcode: number, errmsg: string): DomainError {
  if (errcode === BUSY || MISCONFIGURED.has(errcode)) return upstreamUnavailable();
  if (errcode === TOO_FREQUENT) return rateLimited('微信登录过于频繁，请稍后再试', 60);
  if (errcode === RISKY_USER) return forbidden('该微信账号存在风险，暂时无法登录', { wechatErrcode: errcode });
  // 40029 invalid code, 40163 code already used and the rest: get a fresh code from wx.login.
  return validationFailed('微信登录凭证无效或已过期，请重新登录', { field: 'code', wechatErrcode: errcode, wechatErrmsg: errmsg });
}

export async function code2Session(config: WechatMpConfig, code: string, deps: WechatDeps = {}): Promise<WechatIdentity> {
  const fetchImpl = deps.fetch ?? fetch;
  const warn = deps.warn ?? (() => undefined);
  const url = new URL('/sns/jscode2session', config.apiBase);
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();

  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'GET', signal: AbortSignal.timeout(deps.timeoutMs ?? 5000) });
  } catch (err) {
    warn(`wechat code2session unreachable: ${(err as Error).message}`);
    throw upstreamUnavailable();
  }
  if (!response.ok) {
    warn(`wechat code2session answered HTTP ${response.status}`);
    throw upstreamUnavailable();
  }

  let answer: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    answer = parsed as Record<string, unknown>;
  } catch {
    warn('wechat code2session answered with a body that is not a JSON object');
    throw upstreamUnavailable();
  }

  const errcode = Number(answer.errcode ?? 0);
  if (errcode !== 0) {
    const errmsg = String(answer.errmsg ?? '');
    const error = errorForErrcode(errcode, errmsg);
    if (error.code === 'UPSTREAM_UNAVAILABLE') warn(`wechat code2session errcode ${errcode}: ${errmsg}`);
    throw error;
  }
  if (typeof answer.openid !== 'string' || answer.openid === '') {
    warn('wechat code2session answered without an openid');
    throw upstreamUnavailable();
  }
  return {
    openid: answer.openid,
    unionid: typeof answer.unionid === 'string' && answer.unionid !== '' ? answer.unionid : undefined,
  };
}
