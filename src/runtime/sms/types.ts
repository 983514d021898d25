/** One text message to one phone. `vars` are the template variables, in the template's order. */
export interface SmsMessage {
  /** Mainland numbers as 11 digits; anything starting with "+" is sent as given (E.164). */
  phone: string;
  /** Our template code, e.g. `sms_login`. */
  templateCode: string;
  /** The rendered text; providers that send approved templates use providerTemplateId + vars. */
  text: string;
  vars: Record<string, string>;
  providerTemplateId?: string;
  signName?: string;
}

export interface SmsProvider {
  readonly name: 'console' | 'aliyun' | 'tencent';
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

export interface SmsLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** A send that did not go through: network failure, HTTP error or a provider error code. */
export class SmsProviderError extends Error {
  readonly provider: string;
  /** The provider's own error code (`isv.BUSINESS_LIMIT_CONTROL`, `FailedOperation.…`). */
  readonly providerCode?: string;
  readonly httpStatus?: number;

  constructor(provider: string, message: string, extra: { providerCode?: string; httpStatus?: number; cause?: unknown } = {}) {
    super(`${provider} sms: ${message}`, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'SmsProviderError';
    this.provider = provider;
    this.providerCode = extra.providerCode;
    this.httpStatus = extra.httpStatus;
  }
}

/** What the HTTP providers need from the outside world; tests pin the clock and the nonce. */
export interface HttpProviderDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
  timeoutMs?: number;
}

/** "13800138000" → "+8613800138000"; numbers already in E.164 pass through. */
export const toE164 = (phone: string): string => (phone.startsWith('+') ? phone : `+86${phone}`);
