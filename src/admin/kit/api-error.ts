import { isFetchError } from '@strapi/strapi/admin';

/** A failed request as the UI needs it: the server's own message (Chinese for domain errors) and the status. */
export interface RequestProblem {
  message: string | null;
  status: number | null;
}

/** Reads Strapi's error envelope `{ error: { status, message, details: { code } } }`. */
export function toRequestProblem(error: unknown): RequestProblem {
  if (isFetchError(error)) {
    return { message: error.response?.data?.error?.message ?? null, status: error.status ?? null };
  }
  return { message: null, status: null };
}

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
