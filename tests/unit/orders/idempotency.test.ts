import { idempotencyExpiry, idempotencyOutcome, requestHash } from '../../../src/plugins/orders/server/src/domain/idempotency';
import { canonicalJson } from '../../../src/runtime/canonical-json';

const now = new Date('2026-12-01T02:00:00Z');

describe('request hash', () => {
  it('should not depend on key order or undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestHash({ quantity: 2, serviceItem: 'a' })).toBe(requestHash({ serviceItem: 'a', quantity: 2, note: undefined }));
  });

  it('should differ for a different body', () => {
    expect(requestHash({ quantity: 2 })).not.toBe(requestHash({ quantity: 3 }));
    expect(requestHash({ quantity: 2 })).not.toBe(requestHash({ quantity: '2' }));
  });
});

describe('idempotency outcome (clock passed in)', () => {
  const hash = requestHash({ quantity: 2 });
  const stored = { hash, expiresAt: idempotencyExpiry(now) };

  it('should be new without a stored key', () => {
    expect(idempotencyOutcome(null, hash, now)).toBe('new');
  });

  it('should replay the same body and refuse another one while the key lives', () => {
    const later = new Date(now.getTime() + 23 * 3_600_000);
    expect(idempotencyOutcome(stored, hash, later)).toBe('replay');
    expect(idempotencyOutcome(stored, requestHash({ quantity: 3 }), later)).toBe('conflict');
  });

  it('should expire the key exactly 24 hours after its use', () => {
    expect(idempotencyOutcome(stored, hash, new Date(now.getTime() + 24 * 3_600_000 - 1))).toBe('replay');
    expect(idempotencyOutcome(stored, hash, new Date(now.getTime() + 24 * 3_600_000))).toBe('expired');
    expect(idempotencyOutcome(stored, requestHash({ quantity: 3 }), new Date(now.getTime() + 25 * 3_600_000))).toBe('expired');
  });
});
