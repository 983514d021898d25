import type { Core } from '@strapi/strapi';
import { emitToOps, hasRealtime } from '../../../bootstrap/realtime';
import { runtime } from '../../../runtime';
import { clock } from '../../../runtime/clock';
import { transaction } from '../../../runtime/transaction';
import { isUniqueViolation } from '../../../runtime/unique-violation';
import { ESCALATION_LABELS, newBreaches, type EscalationLevel, type SlaRules, type TicketStatus } from '../domain/ticket';

export const TICKET_SLA_QUEUE = 'ticket-sla';
const SWEEP_EVERY_MS = 5 * 60_000;
/** Tickets looked at per sweep, oldest first; the rest wait for the next slot. */
const SWEEP_BATCH = 200;
const UID = 'api::feedback.ticket';
const ESCALATION_UID = 'api::feedback.ticket-escalation';

export interface TicketEscalatedEvent {
  ticket: string;
  level: EscalationLevel;
  label: string;
  cityAdcode: string | null;
  type: string;
}

/**
 * Escalates open tickets past their first-response or resolution due time (平台参数 → 投诉建议时限)
 * and tells the ticket city's operators (`ticket:escalated`). Each (ticket, level) is written once:
 * the raise is conditional on the level below it (and, for level 1, on no reply yet), and the
 * escalation row has a unique index on (ticket, level), so a retried or concurrent sweep and a
 * first reply racing the sweep cannot escalate twice or escalate an answered ticket.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = async (): Promise<SlaRules> => (await strapi.service('api::settings.platform-setting').current()).feedback;

  async function escalate(row: any, levels: EscalationLevel[], now: Date): Promise<TicketEscalatedEvent[]> {
    return transaction(strapi, async ({ onCommit }) => {
      const raised: TicketEscalatedEvent[] = [];
      for (const level of levels) {
        const where: Record<string, unknown> = { id: row.id, ticketStatus: { $ne: 'closed' }, escalationLevel: { $lt: level } };
        if (level === 1) where.firstRespondedAt = { $null: true };
        const { count } = await strapi.db.query(UID).updateMany({ where, data: { escalationLevel: level, escalatedAt: now } });
        if (count !== 1) continue;
        await strapi.db.query(ESCALATION_UID).create({ data: { ticketId: row.id, level, label: ESCALATION_LABELS[level], cityAdcode: row.cityAdcode ?? null, at: now } });
        raised.push({ ticket: row.documentId, level, label: ESCALATION_LABELS[level], cityAdcode: row.cityAdcode ?? null, type: row.type });
      }
      onCommit(() => {
        if (!hasRealtime()) return;
        for (const event of raised) emitToOps(event.cityAdcode, 'ticket:escalated', event);
      });
      return raised;
    });
  }

  return {
    /** Returns the escalations written. `now` is injectable for tests (fake clock). */
    async sweep(now: Date = clock.now()): Promise<TicketEscalatedEvent[]> {
      const sla = await rules();
      // Nothing can breach before the first-response due time of its creation.
      const youngest = new Date(now.getTime() - Math.min(sla.firstResponseMinutes * 60_000, sla.resolutionHours * 3_600_000));
      const rows = await strapi.db.query(UID).findMany({
        where: { ticketStatus: { $ne: 'closed' }, escalationLevel: { $lt: 2 }, createdAt: { $lte: youngest } },
        select: ['id', 'documentId', 'type', 'ticketStatus', 'cityAdcode', 'createdAt', 'firstRespondedAt', 'escalationLevel'],
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit: SWEEP_BATCH,
      });
      const raised: TicketEscalatedEvent[] = [];
      for (const row of rows as any[]) {
        const levels = newBreaches(
          {
            status: row.ticketStatus as TicketStatus,
            createdAt: new Date(row.createdAt),
            firstRespondedAt: row.firstRespondedAt ? new Date(row.firstRespondedAt) : null,
            escalationLevel: Number(row.escalationLevel ?? 0),
          },
          now,
          sla,
        );
        if (!levels.length) continue;
        try {
          raised.push(...(await escalate(row, levels, now)));
        } catch (err) {
          // Another sweep wrote this (ticket, level) between our update and insert: it is escalated.
          if (!isUniqueViolation(err)) throw err;
        }
      }
      return raised;
    },

    async scheduleSweep(now: Date = clock.now()): Promise<void> {
      const slot = Math.floor(now.getTime() / SWEEP_EVERY_MS) + 1;
      await runtime().queue.add(TICKET_SLA_QUEUE, {}, { jobId: `ticket-sla-${slot}`, delayMs: Math.max(0, slot * SWEEP_EVERY_MS - now.getTime()), attempts: 1 });
    },

    /** A consumer on every instance; the slot's job id lets one of them run each sweep. */
    async register(): Promise<void> {
      runtime().queue.process(TICKET_SLA_QUEUE, async () => {
        try {
          const raised = await this.sweep();
          if (raised.length) strapi.log.info(`feedback: ${raised.length} ticket escalation(s)`);
        } finally {
          await this.scheduleSweep();
        }
      });
      await this.scheduleSweep();
    },
  };
};
