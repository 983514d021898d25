import type { Core } from '@strapi/strapi';
import path from 'path';

/**
 * Strapi creates and alters its schema inside a transaction, MySQL commits DDL implicitly, and
 * knex warns about that on every boot against a new database (each services test file makes
 * one). It is Strapi's migration design, not a fault to act on; every other warning stays.
 */
function warnUnlessSchemaDdl(message: unknown) {
  if (!String(message).includes('do not mix transactions and DDL')) console.warn(message);
}

/**
 * InnoDB's default REPEATABLE READ takes gap locks, and two workers accepting two different
 * orders at once then deadlock on Strapi's relation link inserts. Our consistency never leans
 * on repeatable snapshots (conditional updates, unique slot keys and row locks do that work),
 * so run MySQL/MariaDB at READ COMMITTED, PostgreSQL's default.
 */
function readCommitted(connection: { query: (sql: string, done: (error: Error | null) => void) => void }, done: (error: Error | null, connection: unknown) => void) {
  connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', (error) => done(error, connection));
}

/**
 * SQLite in WAL mode: readers (other processes, backups, the seed script) no longer wait for a
 * writer, and a commit is one append instead of a journal rewrite. synchronous=NORMAL is the
 * documented safe pairing with WAL (a power cut may lose the last commits, never corrupt).
 * busy_timeout makes a second process wait for the write lock instead of failing at once.
 */
function sqliteWal(connection: { pragma: (sql: string) => unknown }, done: (error: Error | null, connection: unknown) => void) {
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('busy_timeout = 5000');
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

// One config for the three supported databases; SQLite is the zero-setup default.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };

  const connections = {
    mysql: {
      connection: env('DATABASE_URL')
        ? { uri: env('DATABASE_URL'), charset: 'utf8mb4' }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', 3306),
            database: env('DATABASE_NAME', 'shangmen'),
            user: env('DATABASE_USERNAME', 'root'),
            password: env('DATABASE_PASSWORD', ''),
            charset: 'utf8mb4',
            timezone: 'Z',
          },
      pool: { ...pool, afterCreate: readCommitted },
      log: { warn: warnUnlessSchemaDdl },
    },
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'shangmen'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool,
    },
    sqlite: {
      // config runs from dist/config, hence two levels up; path.resolve keeps absolute test paths.
      connection: {
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: { afterCreate: sqliteWal },
    },
  };

  return {
    connection: {
      client,
      ...connections[client as keyof typeof connections],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
