/**
 * One test for "the database refused a duplicate" across SQLite, MariaDB/MySQL and PostgreSQL.
 * Knex sometimes wraps the driver error, so the code may sit on `cause`; Strapi's query engine
 * sometimes keeps only the message.
 */
const UNIQUE_VIOLATION_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'ER_DUP_ENTRY', '23505']);
const UNIQUE_VIOLATION_TEXT = /UNIQUE constraint failed|duplicate key|Duplicate entry/i;

type DbError = { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null | undefined;

/** The driver's own code says unique violation (the error middleware answers these 409). */
export function hasUniqueViolationCode(err: unknown): boolean {
  const e = err as DbError;
  return UNIQUE_VIOLATION_CODES.has(String(e?.code)) || UNIQUE_VIOLATION_CODES.has(String(e?.cause?.code));
}

export function isUniqueViolation(err: unknown): boolean {
  return hasUniqueViolationCode(err) || UNIQUE_VIOLATION_TEXT.test(String((err as DbError)?.message ?? ''));
}
