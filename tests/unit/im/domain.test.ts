import { advancedMarker, maskContacts, MAX_TEXT_LENGTH, MessageRuleError, pageSize, parseRead, parseSend, seatOf } from '../../../src/plugins/im/server/src/domain';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof MessageRuleError ? err.field : 'other';
  }
  return undefined;
};

describe('maskContacts', () => {
  it('masks mainland mobiles, also spaced or with +86', () => {
    expect(maskContacts('打我电话13812345678')).toBe('打我电话138******78');
    expect(maskContacts('138 1234 5678 或 +86 139-1234-5678')).toBe('138******78 或 861********78');
  });
  it('masks landlines and WeChat ids, keeps ordinary numbers', () => {
    expect(maskContacts('座机 021-12345678')).toBe('座机 021******78');
    expect(maskContacts('加微信: abc_12345')).toBe('加微信: a********');
    expect(maskContacts('门牌 1203 室，下午 3 点到')).toBe('门牌 1203 室，下午 3 点到');
  });
});

describe('parseSend', () => {
  const base = { conversation: 'abc123', clientMsgId: 'c-1' };
  it('accepts text (trimmed), a bare string, image and location', () => {
    expect(parseSend({ ...base, type: 'text', content: { text: ' 你好 ' } }).content).toEqual({ text: '你好' });
    expect(parseSend({ ...base, type: 'text', content: '你好' }).content).toEqual({ text: '你好' });
    expect(parseSend({ ...base, type: 'image', content: { file: 7 } }).content).toEqual({ file: 7 });
    expect(parseSend({ ...base, type: 'location', content: { lat: 31.2, lng: 121.4, name: '家' } }).content).toEqual({ lat: 31.2, lng: 121.4, name: '家' });
  });
  it('refuses what breaks a rule, naming the field', () => {
    expect(fieldOf(() => parseSend({ ...base, type: 'text', content: { text: '   ' } }))).toBe('content.text');
    expect(fieldOf(() => parseSend({ ...base, type: 'text', content: 'x'.repeat(MAX_TEXT_LENGTH + 1) }))).toBe('content.text');
    expect(fieldOf(() => parseSend({ ...base, type: 'text', content: 'x'.repeat(MAX_TEXT_LENGTH) }))).toBeUndefined();
    expect(fieldOf(() => parseSend({ ...base, type: 'system', content: { text: 'x' } }))).toBe('type');
    expect(fieldOf(() => parseSend({ ...base, type: 'image', content: { file: 'a' } }))).toBe('content.file');
    expect(fieldOf(() => parseSend({ ...base, type: 'location', content: { lat: 91, lng: 0 } }))).toBe('content.lat');
    expect(fieldOf(() => parseSend({ ...base, type: 'location', content: { lat: 0, lng: 0, x: 1 } }))).toBe('content.x');
    expect(fieldOf(() => parseSend({ ...base, clientMsgId: '', type: 'text', content: 'a' }))).toBe('clientMsgId');
    expect(fieldOf(() => parseSend({ ...base, conversation: 5, type: 'text', content: 'a' }))).toBe('conversation');
    expect(fieldOf(() => parseRead({ conversation: 'abc' }))).toBe('upTo');
  });
});

describe('seats, markers, pages', () => {
  const order = { kind: 'order' as const, memberId: 1, workerUserId: 2 };
  it('seats the member and worker of an order chat, 客服 only in support chats', () => {
    expect(seatOf(order, { kind: 'user', id: 1 })).toBe('member');
    expect(seatOf(order, { kind: 'user', id: 2 })).toBe('worker');
    expect(seatOf(order, { kind: 'user', id: 3 })).toBeNull();
    expect(seatOf(order, { kind: 'admin', id: 1 })).toBeNull();
    expect(seatOf({ kind: 'support', memberId: 1, workerUserId: null }, { kind: 'admin', id: 9 })).toBe('support');
    expect(seatOf({ ...order, workerUserId: null }, { kind: 'user', id: 2 })).toBeNull();
  });
  it('never moves a read marker backwards', () => {
    expect(advancedMarker(null, 5)).toBe(5);
    expect(advancedMarker(7, 5)).toBe(7);
    expect(advancedMarker(7, 9)).toBe(9);
  });
  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize('5')).toBe(5);
    expect(fieldOf(() => pageSize('0'))).toBe('limit');
    expect(fieldOf(() => pageSize('101'))).toBe('limit');
  });
});
