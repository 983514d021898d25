import type { Core } from '@strapi/strapi';
import { adminCityScope, type ScopedAdmin } from '../../../../../bootstrap/city-scope';
import { hasRealtime, realtime } from '../../../../../bootstrap/realtime';
import { clock, isoOrNull } from '../../../../../runtime/clock';
import { DomainError, notFound, validationFailed } from '../../../../../runtime/errors';
import { consumeRateLimit } from '../../../../../runtime/rate-limits';
import { socketRooms } from '../../../../../runtime/socket';
import { isUniqueViolation } from '../../../../../runtime/unique-violation';
import type { ChatReadEvent, ConversationView, MessageContent, MessageView, SenderRole } from '../../../shared/contracts/im';
import { advancedMarker, maskContacts, MessageRuleError, readMarkerField, seatOf, type Principal, type SendInput } from '../domain';
import { CONVERSATION_UID, getService, MESSAGE_UID, ordersPort, SUPPORT_ACTION } from '../utils';

export interface ConversationRow {
  id: number;
  documentId: string;
  kind: 'order' | 'support';
  conversationKey: string;
  orderDocumentId: string | null;
  memberId: number;
  workerUserId: number | null;
  cityAdcode: string | null;
  status: 'open' | 'closed';
  lastMessageId: number | null;
  lastMessageAt: string | Date | null;
  memberReadUpTo: number | null;
  workerReadUpTo: number | null;
  supportReadUpTo: number | null;
}

interface MessageRow {
  id: number;
  documentId: string;
  conversationId: number;
  senderRole: SenderRole;
  senderId: number | null;
  type: MessageView['type'];
  content: MessageContent | string;
  clientMsgId: string | null;
  createdAt: string | Date;
}

/** Who asks: a member/worker, or an admin (with what the RBAC city filter needs). */
export type Asker = { kind: 'user'; id: number } | { kind: 'admin'; admin: ScopedAdmin };

const principalOf = (asker: Asker): Principal => (asker.kind === 'user' ? { kind: 'user', id: asker.id } : { kind: 'admin', id: asker.admin.id });

// Ids come back as strings from some drivers (bigint on pg); everything compared is a number.
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const NOT_FOUND_TEXT = '会话不存在';

/** Runs a parser of the message rules; a broken rule answers 400 VALIDATION_FAILED on its field. */
export function underRules<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof MessageRuleError) throw validationFailed(err.message, { field: err.field });
    throw err;
  }
}

/**
 * Conversations and messages. Access is decided on every call from who the order's member and
 * worker are now (through the orders port) and, for 客服, the RBAC action and city: an outsider
 * gets 404 whatever exists. Messages are deduplicated on (sender, clientMsgId) by a unique
 * index, so a resend (also two at once) answers with the message stored first.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = () => strapi.db.query(CONVERSATION_UID);
  const messages = () => strapi.db.query(MESSAGE_UID);

  function toMessage(row: MessageRow, conversation: string, urls?: Map<number, string>): MessageView {
    let content = typeof row.content === 'string' ? (JSON.parse(row.content) as MessageContent) : row.content;
    if (row.type === 'image' && 'file' in content) content = { file: content.file, url: urls?.get(content.file) ?? null };
    return {
      documentId: row.documentId,
      conversation,
      type: row.type,
      content,
      clientMsgId: row.clientMsgId ?? null,
      // 客服 stay anonymous to members: which admin answered is for the console only.
      sender: { role: row.senderRole, id: row.senderRole === 'support' || row.senderRole === 'system' ? null : num(row.senderId) },
      createdAt: isoOrNull(row.createdAt) as string,
    };
  }

  async function imageUrls(rows: MessageRow[]): Promise<Map<number, string>> {
    const files = rows.flatMap((r) => {
      const c = typeof r.content === 'string' ? JSON.parse(r.content) : r.content;
      return r.type === 'image' && typeof c?.file === 'number' ? [c.file as number] : [];
    });
    return files.length ? getService(strapi, 'media-port').urls(files) : new Map();
  }

  async function messageViews(rows: MessageRow[], conversation: string): Promise<MessageView[]> {
    const urls = await imageUrls(rows);
    return rows.map((r) => toMessage(r, conversation, urls));
  }

  /** The order conversation follows the order's current worker (an admin may reassign it). */
  async function refreshSeats(row: ConversationRow): Promise<ConversationRow> {
    if (row.kind !== 'order' || !row.orderDocumentId) return row;
    const order = await ordersPort(strapi).order(row.orderDocumentId);
    const worker = order?.workerUserId ?? null;
    if (num(row.workerUserId) === worker) return row;
    await conversations().update({ where: { id: row.id }, data: { workerUserId: worker } });
    return { ...row, workerUserId: worker };
  }

  async function mayStaffSee(row: ConversationRow, admin: ScopedAdmin): Promise<boolean> {
    if (row.kind !== 'support') return false;
    const cities = await adminCityScope(strapi, admin, SUPPORT_ACTION);
    return cities === undefined || (row.cityAdcode !== null && cities.includes(row.cityAdcode));
  }

  /** The conversation and the asker's seat in it; 404 for anyone without one. */
  async function access(documentId: string, asker: Asker): Promise<{ row: ConversationRow; role: SenderRole }> {
    const found = (await conversations().findOne({ where: { documentId } })) as ConversationRow | null;
    if (!found) throw notFound(NOT_FOUND_TEXT);
    const row = await refreshSeats(normalise(found));
    const role = seatOf({ kind: row.kind, memberId: row.memberId, workerUserId: row.workerUserId }, principalOf(asker));
    if (!role) throw notFound(NOT_FOUND_TEXT);
    if (role === 'support' && asker.kind === 'admin' && !(await mayStaffSee(row, asker.admin))) throw notFound(NOT_FOUND_TEXT);
    return { row, role };
  }

  function normalise(row: ConversationRow): ConversationRow {
    return {
      ...row,
      id: Number(row.id),
      memberId: num(row.memberId) as number,
      workerUserId: num(row.workerUserId),
      lastMessageId: num(row.lastMessageId),
      memberReadUpTo: num(row.memberReadUpTo),
      workerReadUpTo: num(row.workerReadUpTo),
      supportReadUpTo: num(row.supportReadUpTo),
    };
  }

  async function unreadFor(row: ConversationRow, role: SenderRole): Promise<number> {
    const marker = row[readMarkerField(role)];
    return messages().count({ where: { conversationId: row.id, senderRole: { $ne: role }, ...(marker ? { id: { $gt: marker } } : {}) } });
  }

  const baseView = (row: ConversationRow) => ({
    documentId: row.documentId,
    kind: row.kind,
    order: row.orderDocumentId ?? null,
    status: row.status,
    member: row.memberId,
    worker: row.kind === 'order' ? row.workerUserId : null,
    lastMessageAt: isoOrNull(row.lastMessageAt),
  });

  async function viewOf(row: ConversationRow, role: SenderRole, last?: MessageRow | null): Promise<ConversationView> {
    const lastRow = last !== undefined ? last : row.lastMessageId ? ((await messages().findOne({ where: { id: row.lastMessageId } })) as MessageRow | null) : null;
    const marker = row[readMarkerField(role)];
    const readRow = marker ? ((await messages().findOne({ where: { id: marker }, select: ['documentId'] })) as { documentId: string } | null) : null;
    return {
      ...baseView(row),
      lastMessage: lastRow ? (await messageViews([lastRow], row.documentId))[0] : null,
      unread: await unreadFor(row, role),
      readUpTo: readRow?.documentId ?? null,
    };
  }

  /** refreshSeats for a whole list: one orders query, an update only where the worker changed. */
  async function refreshAllSeats(rows: ConversationRow[]): Promise<ConversationRow[]> {
    const orderIds = rows.flatMap((r) => (r.kind === 'order' && r.orderDocumentId ? [r.orderDocumentId] : []));
    if (!orderIds.length) return rows;
    const workerOf = new Map((await ordersPort(strapi).orders(orderIds)).map((o) => [o.documentId, o.workerUserId]));
    const fresh: ConversationRow[] = [];
    for (const row of rows) {
      const worker = row.kind === 'order' && row.orderDocumentId ? (workerOf.get(row.orderDocumentId) ?? null) : row.workerUserId;
      if (worker === row.workerUserId) {
        fresh.push(row);
        continue;
      }
      await conversations().update({ where: { id: row.id }, data: { workerUserId: worker } });
      fresh.push({ ...row, workerUserId: worker });
    }
    return fresh;
  }

  /**
   * Unread counts of many conversations in one grouped query: each conversation counts the
   * others' messages after its own seat's marker, so the conditions differ per row.
   */
  async function unreadCounts(seated: Array<{ row: ConversationRow; role: SenderRole }>): Promise<Map<number, number>> {
    if (!seated.length) return new Map();
    const meta = strapi.db.metadata.get(MESSAGE_UID);
    const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const [conversationCol, roleCol] = [column('conversationId'), column('senderRole')];
    const rows = (await strapi.db
      .connection(meta.tableName)
      .select(conversationCol)
      .count({ n: '*' })
      .where((q) => {
        for (const { row, role } of seated) {
          const marker = row[readMarkerField(role)];
          q.orWhere((one) => {
            one.where(conversationCol, row.id).whereNot(roleCol, role);
            if (marker) one.where('id', '>', marker);
          });
        }
      })
      .groupBy(conversationCol)) as Array<Record<string, unknown>>;
    return new Map(rows.map((r) => [Number(r[conversationCol]), Number(r.n)]));
  }

  /** viewOf for a list with a fixed number of queries, whatever its length. */
  async function viewsOf(seated: Array<{ row: ConversationRow; role: SenderRole }>): Promise<ConversationView[]> {
    const lastIds = seated.flatMap(({ row }) => (row.lastMessageId ? [row.lastMessageId] : []));
    const markerIds = seated.flatMap(({ row, role }) => {
      const marker = row[readMarkerField(role)];
      return marker ? [marker] : [];
    });
    const [lastRows, markerRows, unread] = await Promise.all([
      lastIds.length ? (messages().findMany({ where: { id: { $in: lastIds } } }) as Promise<MessageRow[]>) : Promise.resolve([] as MessageRow[]),
      markerIds.length ? (messages().findMany({ where: { id: { $in: markerIds } }, select: ['id', 'documentId'] }) as Promise<Array<{ id: number; documentId: string }>>) : Promise.resolve([]),
      unreadCounts(seated),
    ]);
    const urls = await imageUrls(lastRows);
    const lastById = new Map(lastRows.map((m) => [Number(m.id), m]));
    const docOf = new Map(markerRows.map((m) => [Number(m.id), m.documentId]));
    return seated.map(({ row, role }) => {
      const last = row.lastMessageId ? lastById.get(row.lastMessageId) : undefined;
      const marker = row[readMarkerField(role)];
      return {
        ...baseView(row),
        lastMessage: last ? toMessage(last, row.documentId, urls) : null,
        unread: unread.get(row.id) ?? 0,
        readUpTo: marker ? (docOf.get(marker) ?? null) : null,
      };
    });
  }

  /** Creates the conversation under its unique key, or finds the one a parallel request created. */
  async function findOrCreate(key: string, data: Record<string, unknown>): Promise<{ row: ConversationRow; created: boolean }> {
    const existing = await conversations().findOne({ where: { conversationKey: key } });
    if (existing) return { row: normalise(existing), created: false };
    try {
      return { row: normalise(await conversations().create({ data: { conversationKey: key, status: 'open', ...data } })), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await conversations().findOne({ where: { conversationKey: key } });
      if (!winner) throw err;
      return { row: normalise(winner), created: false };
    }
  }

  function emit(row: ConversationRow, event: string, payload: unknown): void {
    if (!hasRealtime()) return;
    // The room holds whoever joined it (the 客服 console); the user rooms reach members and workers
    // on every device without joining. socket.io sends once per socket across all the rooms.
    const rooms = [socketRooms.conversation(row.documentId), socketRooms.user(row.memberId)];
    if (row.kind === 'order' && row.workerUserId) rooms.push(socketRooms.user(row.workerUserId));
    try {
      realtime().emit(rooms, event, payload);
    } catch (err: any) {
      // Stored already: the others see it in the history and the unread count.
      strapi.log.warn(`im: ${event} emit failed for ${row.documentId}: ${err?.message}`);
    }
  }

  /** Moves the seat's marker forward only: a guarded update, so concurrent receipts cannot lower it. */
  async function advanceMarker(row: ConversationRow, role: SenderRole, messageId: number): Promise<boolean> {
    const field = readMarkerField(role);
    if (advancedMarker(row[field], messageId) === row[field]) return false;
    const result = await conversations().updateMany({
      where: { id: row.id, $or: [{ [field]: { $null: true } }, { [field]: { $lt: messageId } }] },
      data: { [field]: messageId },
    });
    return Number((result as { count?: number })?.count ?? 0) > 0;
  }

  const dedupeKeyOf = (asker: Asker, clientMsgId: string) => (asker.kind === 'user' ? `user:${asker.id}:${clientMsgId}` : `admin:${asker.admin.id}:${clientMsgId}`);

  return {
    access,

    /** POST /api/conversations: the order's chat (its member or worker, once assigned) or the caller's support chat. */
    async open(userId: number, input: { order?: string; support?: boolean }): Promise<{ conversation: ConversationView; created: boolean }> {
      if (input.order !== undefined) {
        const order = await ordersPort(strapi).order(input.order);
        // Before a worker is on it there is nobody to talk to: the same 404 as for a stranger.
        if (!order || order.workerUserId === null || (order.memberId !== userId && order.workerUserId !== userId)) throw notFound('订单不存在');
        const { row, created } = await findOrCreate(`order:${order.documentId}`, {
          kind: 'order',
          orderDocumentId: order.documentId,
          memberId: order.memberId,
          workerUserId: order.workerUserId,
          cityAdcode: order.cityAdcode,
        });
        const fresh = await refreshSeats(row);
        return { conversation: await viewOf(fresh, fresh.memberId === userId ? 'member' : 'worker'), created };
      }
      const cityAdcode = await ordersPort(strapi).latestCityOf(userId);
      const { row, created } = await findOrCreate(`support:${userId}`, { kind: 'support', memberId: userId, cityAdcode });
      let current = row;
      if (!created && (row.status === 'closed' || (cityAdcode && row.cityAdcode !== cityAdcode))) {
        await conversations().update({ where: { id: row.id }, data: { status: 'open', ...(cityAdcode ? { cityAdcode } : {}) } });
        current = { ...row, status: 'open', cityAdcode: cityAdcode ?? row.cityAdcode };
      }
      return { conversation: await viewOf(current, 'member'), created };
    },

    /** GET /api/conversations: the caller's, newest activity first, with last message and unread count. */
    async listMine(userId: number): Promise<ConversationView[]> {
      const rows = ((await conversations().findMany({ where: { $or: [{ memberId: userId }, { workerUserId: userId }] }, limit: 200 })) as ConversationRow[]).map(normalise);
      const seated = (await refreshAllSeats(sortByActivity(rows))).flatMap((row) => {
        const role = seatOf({ kind: row.kind, memberId: row.memberId, workerUserId: row.workerUserId }, { kind: 'user', id: userId });
        return role ? [{ row, role }] : [];
      });
      return viewsOf(seated);
    },

    /** The 客服 console's list: support conversations of the admin's cities. */
    async listSupport(admin: ScopedAdmin, filter: { status?: 'open' | 'closed' }): Promise<ConversationView[]> {
      const cities = await adminCityScope(strapi, admin, SUPPORT_ACTION);
      if (cities && !cities.length) return [];
      const where: Record<string, unknown> = { kind: 'support', ...(filter.status ? { status: filter.status } : {}), ...(cities ? { cityAdcode: { $in: cities } } : {}) };
      const rows = ((await conversations().findMany({ where, limit: 200 })) as ConversationRow[]).map(normalise);
      return viewsOf(sortByActivity(rows).map((row) => ({ row, role: 'support' as const })));
    },

    async view(documentId: string, asker: Asker): Promise<ConversationView> {
      const { row, role } = await access(documentId, asker);
      return viewOf(row, role);
    },

    /** History, newest first; `before` is a message documentId of this conversation. */
    async history(documentId: string, asker: Asker, page: { before?: string; limit: number }): Promise<{ data: MessageView[]; hasMore: boolean }> {
      const { row } = await access(documentId, asker);
      const where: Record<string, unknown> = { conversationId: row.id };
      if (page.before) {
        const cursor = await messages().findOne({ where: { documentId: page.before, conversationId: row.id }, select: ['id'] });
        if (!cursor) throw validationFailed('before 须为本会话中的消息', { field: 'before' });
        where.id = { $lt: cursor.id };
      }
      const rows = (await messages().findMany({ where, orderBy: [{ id: 'desc' }], limit: page.limit + 1 })) as MessageRow[];
      return { data: await messageViews(rows.slice(0, page.limit), row.documentId), hasMore: rows.length > page.limit };
    },

    /** chat:send and the 客服 reply: stored once per (sender, clientMsgId), then sent to the conversation. */
    async send(asker: Asker, input: SendInput): Promise<MessageView> {
      const { row, role } = await access(input.conversation, asker);
      const dedupeKey = dedupeKeyOf(asker, input.clientMsgId);
      const original = async (): Promise<MessageView | null> => {
        const found = (await messages().findOne({ where: { dedupeKey } })) as MessageRow | null;
        if (!found) return null;
        if (num(found.conversationId) !== row.id) throw new DomainError('CONFLICT', '该 clientMsgId 已用于其他会话', { field: 'clientMsgId' });
        return (await messageViews([found], row.documentId))[0];
      };
      const resent = await original();
      if (resent) return resent;

      await consumeRateLimit('CHAT_SEND', asker.kind === 'user' ? `user:${asker.id}` : `admin:${asker.admin.id}`, '发送过于频繁，请稍后再试');
      let content = input.content;
      if (input.type === 'image') {
        if (asker.kind !== 'user') throw validationFailed('客服暂不支持发送图片', { field: 'type' });
        await getService(strapi, 'media-port').assertOwnImage(asker.id, (content as { file: number }).file);
      }
      if (input.type === 'text' && row.kind === 'order') content = { text: maskContacts((content as { text: string }).text) };

      let stored: MessageRow;
      try {
        stored = (await messages().create({
          data: {
            conversationId: row.id,
            senderRole: role,
            senderId: asker.kind === 'user' ? asker.id : asker.admin.id,
            type: input.type,
            content,
            clientMsgId: input.clientMsgId,
            dedupeKey,
          },
        })) as MessageRow;
      } catch (err) {
        // The same message sent twice at once: the unique dedupeKey let one through.
        if (!isUniqueViolation(err)) throw err;
        const winner = await original();
        if (!winner) throw err;
        return winner;
      }
      const id = num(stored.id) as number;
      const now = clock.now();
      await conversations().updateMany({
        where: { id: row.id, $or: [{ lastMessageId: { $null: true } }, { lastMessageId: { $lt: id } }] },
        data: { lastMessageId: id, lastMessageAt: now, ...(row.kind === 'support' && role !== 'support' ? { status: 'open' } : {}) },
      });
      // What one sends one has read.
      await advanceMarker(row, role, id);
      const view = (await messageViews([stored], row.documentId))[0];
      emit(row, 'chat:message', view);
      return view;
    },

    /** chat:read: the reader's marker moves to `upTo` (never back); the others get chat:read. */
    async read(asker: Asker, input: { conversation: string; upTo: string }): Promise<{ conversation: string; upTo: string; unread: number }> {
      const { row, role } = await access(input.conversation, asker);
      const message = await messages().findOne({ where: { documentId: input.upTo, conversationId: row.id }, select: ['id', 'documentId'] });
      if (!message) throw notFound('消息不存在');
      const moved = await advanceMarker(row, role, num(message.id) as number);
      const fresh = normalise((await conversations().findOne({ where: { id: row.id } })) as ConversationRow);
      const markerRow = fresh[readMarkerField(role)] ? await messages().findOne({ where: { id: fresh[readMarkerField(role)] }, select: ['documentId'] }) : null;
      const upTo = markerRow?.documentId ?? message.documentId;
      if (moved) {
        const event: ChatReadEvent = {
          conversation: row.documentId,
          reader: { role, id: role === 'support' || asker.kind !== 'user' ? null : asker.id },
          upTo,
          at: clock.now().toISOString(),
        };
        emit(row, 'chat:read', event);
      }
      return { conversation: row.documentId, upTo, unread: await unreadFor({ ...fresh, workerUserId: row.workerUserId }, role) };
    },

    async setStatus(documentId: string, admin: ScopedAdmin, status: 'open' | 'closed'): Promise<ConversationView> {
      const { row } = await access(documentId, { kind: 'admin', admin });
      await conversations().update({ where: { id: row.id }, data: { status } });
      return viewOf({ ...row, status }, 'support');
    },
  };
};

/** Latest message first (message ids grow), then the newest conversation; in JS because databases disagree on where NULLs sort. */
function sortByActivity(rows: ConversationRow[]): ConversationRow[] {
  return [...rows].sort((a, b) => (b.lastMessageId ?? 0) - (a.lastMessageId ?? 0) || b.id - a.id);
}
