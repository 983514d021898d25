import type { MessageContent, MessageType } from '../../../shared/contracts/im';

/** A message body rule broken: `field` names the part of the request at fault. */
export class MessageRuleError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const MAX_TEXT_LENGTH = 1000;
export const MAX_CLIENT_MSG_ID_LENGTH = 64;
const CLIENT_MSG_ID = /^[A-Za-z0-9_.:-]+$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Types a member, worker or 客服 may send; `system` messages are written by the platform only. */
export const SENDABLE_TYPES: readonly MessageType[] = ['text', 'image', 'location'];

export interface SendInput {
  conversation: string;
  type: Exclude<MessageType, 'system'>;
  content: MessageContent;
  clientMsgId: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function documentIdOf(value: unknown, field: string, label: string): string {
  if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) throw new MessageRuleError(`请指明${label}`, field);
  return value;
}

function onlyKeys(content: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(content).find((k) => !allowed.includes(k));
  if (extra) throw new MessageRuleError(`消息内容不支持字段 ${extra}`, `content.${extra}`);
}

/** The content as stored; a text is trimmed (and must not be empty or over MAX_TEXT_LENGTH). */
export function normaliseContent(type: unknown, content: unknown): { type: SendInput['type']; content: MessageContent } {
  if (typeof type !== 'string' || !(SENDABLE_TYPES as readonly string[]).includes(type)) throw new MessageRuleError('消息类型须为 text、image 或 location', 'type');
  // A bare string is accepted for text: what most chat clients send.
  const body = type === 'text' && typeof content === 'string' ? { text: content } : content;
  if (!isObject(body)) throw new MessageRuleError('缺少消息内容', 'content');
  if (type === 'text') {
    onlyKeys(body, ['text']);
    if (typeof body.text !== 'string' || !body.text.trim()) throw new MessageRuleError('消息不能为空', 'content.text');
    const text = body.text.trim();
    if ([...text].length > MAX_TEXT_LENGTH) throw new MessageRuleError(`消息不能超过 ${MAX_TEXT_LENGTH} 字`, 'content.text');
    return { type, content: { text } };
  }
  if (type === 'image') {
    onlyKeys(body, ['file']);
    if (!Number.isInteger(body.file) || (body.file as number) < 1) throw new MessageRuleError('图片须为上传后的文件 id', 'content.file');
    return { type, content: { file: body.file as number } };
  }
  onlyKeys(body, ['lat', 'lng', 'name', 'address']);
  const { lat, lng } = body;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) throw new MessageRuleError('纬度须在 -90 到 90 之间', 'content.lat');
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) throw new MessageRuleError('经度须在 -180 到 180 之间', 'content.lng');
  const location: { lat: number; lng: number; name?: string; address?: string } = { lat, lng };
  for (const key of ['name', 'address'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > 200) throw new MessageRuleError('地点名称和地址不能超过 200 字', `content.${key}`);
    location[key] = value;
  }
  return { type: 'location', content: location };
}

export function parseSend(payload: unknown): SendInput {
  if (!isObject(payload)) throw new MessageRuleError('缺少消息', 'conversation');
  const conversation = documentIdOf(payload.conversation, 'conversation', '会话');
  const { clientMsgId } = payload;
  if (typeof clientMsgId !== 'string' || !clientMsgId || clientMsgId.length > MAX_CLIENT_MSG_ID_LENGTH || !CLIENT_MSG_ID.test(clientMsgId)) {
    throw new MessageRuleError(`clientMsgId 须为 1 到 ${MAX_CLIENT_MSG_ID_LENGTH} 位字母、数字或 _ . : -`, 'clientMsgId');
  }
  return { conversation, ...normaliseContent(payload.type, payload.content), clientMsgId };
}

export function parseRead(payload: unknown): { conversation: string; upTo: string } {
  if (!isObject(payload)) throw new MessageRuleError('请指明会话', 'conversation');
  return { conversation: documentIdOf(payload.conversation, 'conversation', '会话'), upTo: documentIdOf(payload.upTo, 'upTo', '已读到的消息') };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=`: absent → the default; out of range or not a whole number → refused. */
export function pageSize(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return DEFAULT_PAGE_SIZE;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw new MessageRuleError(`limit 须为 1 到 ${MAX_PAGE_SIZE} 的整数`, 'limit');
  return n;
}

/** A read marker only moves forward: a late or replayed receipt never un-reads messages. */
export const advancedMarker = (current: number | null | undefined, next: number): number => (current != null && current >= next ? current : next);
