import type { Knex } from 'knex';

/**
 * Serialises writers on one row for the rest of the transaction (SELECT … FOR UPDATE on MariaDB
 * and PostgreSQL). SQLite has a single writer per database, so a plain read is enough there.
 * Used as a per-member mutex around balances that are derived from an append-only ledger.
 */
export async function lockRow(knex: Knex, trx: Knex.Transaction, table: string, id: number): Promise<boolean> {
  const query = knex(table).transacting(trx).select('id').where({ id });
  const client = String(knex.client.config.client);
  const row = client.includes('sqlite') ? await query.first() : await query.forUpdate().first();
  return Boolean(row);
}
