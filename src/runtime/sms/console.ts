import crypto from 'crypto';
import type { SmsLogger, SmsMessage, SmsProvider } from './types';

export interface OutboxEntry extends SmsMessage {
  messageId: string;
  sentAt: string;
}

const OUTBOX_LIMIT = 200;

// Strapi runs the compiled copy of this module from dist/ while jest loads the TypeScript
// source, so the outbox lives on a global symbol both copies find.
const OUTBOX_KEY = Symbol.for('shangmen.sms.consoleOutbox');

function outbox(): OutboxEntry[] {
  const holder = globalThis as unknown as Record<symbol, OutboxEntry[] | undefined>;
  holder[OUTBOX_KEY] ??= [];
  return holder[OUTBOX_KEY];
}

/** Messages the console provider "sent" in this process, oldest first (dev and tests). */
export const consoleOutbox = (): readonly OutboxEntry[] => [...outbox()];

/** The most recent message to a phone, if any. */
export function lastSmsTo(phone: string): OutboxEntry | undefined {
  const entries = outbox();
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    if (entries[i].phone === phone) return entries[i];
  }
  return undefined;
}

export function clearConsoleOutbox(): void {
  outbox().length = 0;
}

/** Development provider: nothing leaves the machine; the text goes to the log and the outbox. */
export function createConsoleSmsProvider(logger: SmsLogger, now: () => Date = () => new Date()): SmsProvider {
  return {
    name: 'console',
    async send(message) {
      const messageId = `console-${crypto.randomUUID()}`;
      const entries = outbox();
      entries.push({ ...message, vars: { ...message.vars }, messageId, sentAt: now().toISOString() });
      if (entries.length > OUTBOX_LIMIT) entries.splice(0, entries.length - OUTBOX_LIMIT);
      logger.info(`[sms:console] to ${message.phone} (${message.templateCode}): ${message.text}`);
      return { messageId };
    },
  };
}
