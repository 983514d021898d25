import { SmsProviderError } from './types';

export const DEFAULT_TIMEOUT_MS = 8000;

export interface JsonReply {
  status: number;
  body: unknown;
}

/**
 * One HTTP exchange with a provider. Network failures and non-JSON answers become
 * SmsProviderError; the caller decides what a JSON answer means.
 */
export async function exchangeJson(
  provider: string,
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<JsonReply> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new SmsProviderError(provider, `request to ${new URL(url).host} failed: ${(err as Error).message}`, { cause: err });
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new SmsProviderError(provider, `HTTP ${response.status} with a non-JSON body`, { httpStatus: response.status });
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
