import { hasUniqueViolationCode, isUniqueViolation } from '../../../src/runtime/unique-violation';

describe('isUniqueViolation', () => {
  it.each([
    ['SQLite', { code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: reviews.order_id' }],
    ['MariaDB', { code: 'ER_DUP_ENTRY', message: "Duplicate entry '7' for key 'reviews_order_unique'" }],
    ['PostgreSQL', { code: '23505', message: 'duplicate key value violates unique constraint "reviews_order_unique"' }],
    ['a wrapped driver error', { message: 'insert failed', cause: { code: 'ER_DUP_ENTRY' } }],
    ['a message without a code', { message: 'insert into "x" - duplicate key value violates unique constraint' }],
  ])('recognises %s', (_, err) => {
    expect(isUniqueViolation(err)).toBe(true);
  });

  it.each([
    ['a NOT NULL violation', { code: 'SQLITE_CONSTRAINT_NOTNULL', message: 'NOT NULL constraint failed: reviews.order_id' }],
    ['a foreign key violation', { code: '23503', message: 'insert violates foreign key constraint' }],
    ['no error', null],
  ])('does not take %s for a duplicate', (_, err) => {
    expect(isUniqueViolation(err)).toBe(false);
  });

  it('answers by code alone for the error middleware', () => {
    expect(hasUniqueViolationCode({ cause: { code: '23505' } })).toBe(true);
    expect(hasUniqueViolationCode({ message: 'UNIQUE constraint failed: x' })).toBe(false);
  });
});
